/**
 * Generated block YAML for the fast parser's property tests: nested maps and
 * sequences at 1, 2 and 4 spaces, every scalar style, empty values, block
 * scalars, multi-line scalars, flow sequences, and blank and comment lines at
 * every indentation. Mostly valid, with a share of what must be left to yaml.
 */
import fc from 'fast-check';


const word = fc.oneof(
  { arbitrary: fc.constantFrom('a', 'name', 'app', 'x-y', 'k8s.io/name', 'image', 'ports', 'z9', 'true', 'null', '80', 'on', 'limits ', 'a  '), weight: 6 },
  // Quoted keys, as annotations and JSON-minded writers quote them; a space before the `:` is allowed after a quote.
  { arbitrary: fc.constantFrom('"a"', "'name'", '"prometheus.io/scrape"', '"a b"', '"esc\\"q"', "'it''s'", '""', '"app" ', '"\\u00e9"'), weight: 1 },
);
/** Mostly the valid, with a few of the kind that must be left to yaml. */
const mostly = <T>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<T>): fc.Arbitrary<T> => fc.oneof({ arbitrary: valid, weight: 12 }, { arbitrary: invalid, weight: 1 });
const plainScalar = mostly(
  fc.constantFrom('nginx', 'nginx:1.25', 'a b  c', '007', '0x1f', '0o17', '1.50', '1e3', '-1', '+2', '.inf', '.NaN', 'true', 'False', 'null', '~', 'yes'),
  fc.constantFrom('http://x:80/y', 'a#b', '50%', '--flag=a,b', '-x', '12:30', '[x]', 'a: b', 'x #y', '&a', '*a', '!t'),
);
const quotedScalar = mostly(
  fc.constantFrom('"a b"', "'it''s'", '"esc \\" \\\\ \\n"', '""', "''", '"123"', '"\\x41 \\u00e9 \\U0001F600"', '"a  \\\n  b"'),
  fc.constantFrom('"bad \\q"', "'x' y", '"\\x4"'),
);
const flowScalar = mostly(
  fc.constantFrom('[]', '[ ]', '{}', '{ }', '[a, "b" , c ]', '["sh", "-c"]', '[a,]', '{a: 1, "b" : [x, y], c: {d: null},}', '[{name: a}, [1, 2]]', '{"k":"v"}'),
  fc.constantFrom('[a b, 1]', '{a}', '[a: b]', '{a: 1, a: 2}', '[,]'),
);

/** A flow collection over lines, as JSON-style manifests write them: items one per line, blank lines and comments between. */
const multiLineFlow = (indent: number): fc.Arbitrary<Line[]> =>
  fc
    .tuple(
      fc.boolean(),
      fc.array(fc.tuple(fc.constantFrom('"x"', 'y', '1', '[a, b]', '{c: d}'), fc.constantFrom('', '  # note', '\n')), { minLength: 1, maxLength: 4 }),
      mostly(fc.constantFrom(0, 2), fc.constant(-1)),
    )
    .map(([map, items, closeAt]) => {
      const lines = items.flatMap(([v, after], i) => {
        const entry = `${indentOf(indent + 2)}${map ? `k${i}: ` : ''}${v},${after === '  # note' ? after : ''}`;
        return after === '\n' ? [entry, ''] : [entry];
      });
      return [map ? '{' : '[', ...lines, `${indentOf(Math.max(0, indent + closeAt))}${map ? '}' : ']'}`];
    });

/** One generated line's worth of text: indentation and content. */
type Line = string;

function indentOf(n: number): string {
  return ' '.repeat(n);
}

/** Blank and comment lines at random indentations, as people leave them. */
const noise = (indent: number): fc.Arbitrary<Line[]> =>
  fc.array(
    fc.oneof(
      fc.constant(''),
      fc.constant('   '),
      fc.integer({ min: 0, max: indent + 6 }).map((i) => `${indentOf(i)}# note`),
    ),
    { maxLength: 2 },
  );

const blockScalar = (indent: number): fc.Arbitrary<Line[]> =>
  fc
    .tuple(
      mostly(fc.constantFrom('|', '|-', '>', '>-'), fc.constantFrom('|+', '|2')),
      fc.array(fc.constantFrom('text', 'more words', '', '# hash', '  deeper', '    deeper still'), { minLength: 1, maxLength: 5 }),
    )
    .map(([header, body]) => [header, ...body.map((b) => (b === '' ? '' : indentOf(indent + 2) + b))]);

const multiLine = (indent: number): fc.Arbitrary<Line[]> =>
  fc
    .tuple(
      fc.constantFrom('one', "'one", 'one  '),
      fc.array(mostly(fc.constantFrom('two', '', 'three four', '- dash', "it''s"), fc.constant('k: v')), { minLength: 1, maxLength: 3 }),
    )
    .map(([first, rest]) => [first, ...rest.map((r) => (r === '' ? '' : indentOf(indent + fcIndent(r)) + r)), ...(first.startsWith("'") ? [`${indentOf(indent + 1)}end'`] : [])]);
function fcIndent(r: string): number {
  return 1 + (r.length % 3);
}

/** A value after `key:` or `- `: its first line's text (appended to the key line) and the lines below it. */
function value(indent: number, depth: number): fc.Arbitrary<Line[]> {
  const scalars: fc.Arbitrary<Line[]>[] = [
    plainScalar.map((s) => [s]),
    quotedScalar.map((s) => [s]),
    flowScalar.map((s) => [s]),
    fc.tuple(plainScalar, mostly(fc.constantFrom(' # c', '   ', '  #c'), fc.constant('#c'))).map(([s, t]) => [s + t]),
    blockScalar(indent),
    multiLine(indent),
    multiLineFlow(indent),
    fc.constantFrom([''], ['# only a comment']),
  ];
  if (depth <= 0) return fc.oneof(...scalars);
  return fc.oneof(
    ...scalars,
    fc.tuple(fc.constantFrom(1, 2, 4), fc.boolean(), noise(indent)).chain(([step, seq, pre]) =>
      block(indent + step, depth - 1, seq).map((lines) => ['', ...pre, ...lines]),
    ),
    noise(indent).chain((pre) => block(indent, depth - 1, true).map((lines) => ['', ...pre, ...lines])),
  );
}

/** A block map or sequence at `indent`, as lines. */
function block(indent: number, depth: number, seq: boolean): fc.Arbitrary<Line[]> {
  const entry = seq
    ? fc.oneof(
        value(indent + 2, depth)
          .filter((v) => v[0] !== '')
          .map((v) => [`${indentOf(indent)}- ${v[0]}`, ...v.slice(1)]),
        fc.tuple(word, value(indent + 2, depth), fc.array(fc.tuple(word, value(indent + 2, depth)), { maxLength: 2 })).map(([k, v, more]) => [
          `${indentOf(indent)}- ${k}: ${v[0]}`,
          ...v.slice(1),
          ...more.flatMap(([k2, v2]) => [`${indentOf(indent + 2)}${k2}: ${v2[0]}`, ...v2.slice(1)]),
        ]),
      )
    : fc.tuple(word, value(indent, depth)).map(([k, v]) => [`${indentOf(indent)}${k}:${v[0] === '' ? '' : ' ' + v[0]}`, ...v.slice(1)]);
  return fc
    .array(fc.tuple(noise(indent), entry), { minLength: 1, maxLength: 4 })
    .map((items) => items.flatMap(([pre, lines], i) => (i === 0 ? lines : [...pre, ...lines])));
}

export function blockDocument(): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.constantFrom('', '---\n', '---\n\n', '# head\n\n', '---\n# head\n', '  '),
      fc.constantFrom('map', 'seq', 'flow'),
      noise(0),
      fc.constantFrom('', '\n', '\n\n', '\n# end\n', '\n  # end\n', '\n# end', '\n\n# end', '\n ', '\n\n  '),
    )
    .chain(([head, top, tail, end]) =>
      (top === 'flow' ? multiLineFlow(0) : block(0, 3, top === 'seq')).map((lines) => head + [...lines, ...tail].join('\n') + end),
    );
}

/** An edit to a document's lines: a blank or comment line somewhere, a line deleted, or a line's indentation moved. */
export function lineEdit(): fc.Arbitrary<(lines: string[]) => string[]> {
  return fc.oneof(
    fc.tuple(fc.nat(), fc.integer({ min: 0, max: 10 }), fc.constantFrom('', '#', '# c', ' ')).map(([at, indent, text]) => (lines: string[]) => {
      const i = at % (lines.length + 1);
      return [...lines.slice(0, i), text === '' || text === ' ' ? text.repeat(indent % 3) : indentOf(indent) + text, ...lines.slice(i)];
    }),
    fc.nat().map((at) => (lines: string[]) => lines.filter((_, i) => i !== at % lines.length)),
    fc.tuple(fc.nat(), fc.integer({ min: -2, max: 2 })).map(([at, by]) => (lines: string[]) => {
      if (lines.length === 0) return lines;
      const i = at % lines.length;
      const line = lines[i];
      const moved = by >= 0 ? indentOf(by) + line : line.replace(new RegExp(`^ {0,${-by}}`), '');
      return [...lines.slice(0, i), moved, ...lines.slice(i + 1)];
    }),
  );
}
