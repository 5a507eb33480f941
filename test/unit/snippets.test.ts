import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { diagnostics } from './helpers';

const FILE = join(__dirname, '..', '..', 'snippets', 'kubernetes.json');

interface Snippet {
  prefix: string;
  body: string[];
  description: string;
}

// ---------------------------------------------------------------------------
// A small parser for the VS Code snippet syntax we use: `$1`, `${1}`,
// `${1:default}` (defaults may nest placeholders and mirrors), `${1|a,b|}`,
// and `\$`, `\}`, `\\` escapes. Variables (`$TM_FILENAME`) are rejected so a
// snippet cannot rely on something this expansion does not model.
// ---------------------------------------------------------------------------

type SnippetNode =
  | { kind: 'text'; value: string }
  | { kind: 'tabstop'; index: number }
  | { kind: 'placeholder'; index: number; children: SnippetNode[] }
  | { kind: 'choice'; index: number; options: string[] };

function parseSnippet(src: string): SnippetNode[] {
  let pos = 0;
  const fail = (why: string): never => {
    throw new Error(`${why} at ${pos} in ${JSON.stringify(src)}`);
  };
  function parseSeq(inPlaceholder: boolean): SnippetNode[] {
    const out: SnippetNode[] = [];
    let text = '';
    const flush = () => {
      if (text) out.push({ kind: 'text', value: text });
      text = '';
    };
    while (pos < src.length) {
      const ch = src[pos];
      if (ch === '\\' && pos + 1 < src.length && '$}\\'.includes(src[pos + 1])) {
        text += src[pos + 1];
        pos += 2;
      } else if (ch === '}' && inPlaceholder) {
        flush();
        return out;
      } else if (ch === '$') {
        const simple = /^\$(\d+)/.exec(src.slice(pos));
        if (simple) {
          flush();
          out.push({ kind: 'tabstop', index: Number(simple[1]) });
          pos += simple[0].length;
          continue;
        }
        const braced = /^\$\{(\d+)(:|\||\})/.exec(src.slice(pos));
        if (!braced) fail('unsupported $ (variables are not allowed; escape a literal dollar as \\$)');
        flush();
        const index = Number(braced![1]);
        pos += braced![0].length;
        if (braced![2] === '}') {
          out.push({ kind: 'tabstop', index });
        } else if (braced![2] === ':') {
          const children = parseSeq(true);
          if (src[pos] !== '}') fail('unterminated placeholder');
          pos++;
          out.push({ kind: 'placeholder', index, children });
        } else {
          const end = src.indexOf('|}', pos);
          if (end < 0) fail('unterminated choice');
          const options = src.slice(pos, end).split(',');
          if (options.some((o) => o === '')) fail('empty choice option');
          pos = end + 2;
          out.push({ kind: 'choice', index, options });
        }
      } else {
        text += ch;
        pos++;
      }
    }
    if (inPlaceholder) fail('unterminated placeholder');
    flush();
    return out;
  }
  return parseSeq(false);
}

/** Every placeholder and choice in a snippet by tab-stop index (first definition wins, as in VS Code). */
function definitions(nodes: SnippetNode[], into = new Map<number, SnippetNode>()): Map<number, SnippetNode> {
  for (const n of nodes) {
    if ((n.kind === 'placeholder' || n.kind === 'choice') && !into.has(n.index)) into.set(n.index, n);
    if (n.kind === 'placeholder') definitions(n.children, into);
  }
  return into;
}

/**
 * The text VS Code inserts when the user accepts every default: placeholders
 * become their default, choices their first option (or `picks`), a bare `$n`
 * mirrors placeholder n (empty when n has no default; `$0` is the final cursor).
 */
function expand(body: string[], picks: ReadonlyMap<number, string> = new Map()): string {
  const nodes = parseSnippet(body.join('\n'));
  const defs = definitions(nodes);
  const render = (ns: SnippetNode[], depth: number): string => {
    if (depth > 20) throw new Error('snippet placeholders refer to each other in a cycle');
    return ns
      .map((n) => {
        switch (n.kind) {
          case 'text':
            return n.value;
          case 'choice':
            return picks.get(n.index) ?? n.options[0];
          case 'placeholder':
            return render(n.children, depth + 1);
          case 'tabstop': {
            const def = defs.get(n.index);
            return def ? render([def], depth + 1) : '';
          }
        }
      })
      .join('');
  };
  return render(nodes, 0);
}

/** The default expansion plus one expansion per non-default option of each choice. */
function variants(body: string[]): { label: string; text: string }[] {
  const out = [{ label: 'defaults', text: expand(body) }];
  for (const def of definitions(parseSnippet(body.join('\n'))).values()) {
    if (def.kind !== 'choice') continue;
    for (const option of def.options.slice(1)) {
      out.push({ label: `\${${def.index}}=${option}`, text: expand(body, new Map([[def.index, option]])) });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Parents for the fragments: where a user would insert them.
// ---------------------------------------------------------------------------

const indent = (text: string, by: string) =>
  text
    .split('\n')
    .map((l) => (l.trim() === '' ? '' : by + l))
    .join('\n');

const APP_CONTAINER = [
  '    - name: main',
  '      image: registry.example.com/shop/web:2.4.1',
  '      ports:',
  '        - name: http',
  '          containerPort: 8080',
  '      readinessProbe:',
  '        httpGet:',
  '          path: /ready',
  '          port: http',
  '      livenessProbe:',
  '        httpGet:',
  '          path: /healthz',
  '          port: http',
].join('\n');

const POD_HEAD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: snippet-test\nspec:\n';

/** The container under test in probe parents: declares the ports the probe fragments use by default. */
const PROBE_PARENT_CONTAINER = [
  '    - name: main',
  '      image: registry.example.com/shop/web:2.4.1',
  '      ports:',
  '        - name: http',
  '          containerPort: 8080',
  '        - name: grpc',
  '          containerPort: 9090',
].join('\n');

type Parent = (fragment: string) => string;
const inContainers: Parent = (f) => `${POD_HEAD}  containers:\n${indent(f, '    ')}\n`;
const inContainer: Parent = (f) => `${POD_HEAD}  containers:\n${PROBE_PARENT_CONTAINER}\n${indent(f, '      ')}\n`;
const inHostAliases: Parent = (f) => `${POD_HEAD}  hostAliases:\n${indent(f, '    ')}\n  containers:\n${APP_CONTAINER}\n`;
const inInitContainers: Parent = (f) => `${POD_HEAD}  initContainers:\n${indent(f, '    ')}\n  containers:\n${APP_CONTAINER}\n`;

type Pod = { spec: Record<string, unknown> & { containers: Record<string, unknown>[] } };

interface Expectation {
  /** For fragments: where it goes, and what must be true of the parsed result (the fragment landed in the right place). */
  parent?: { wrap: Parent; landed: (pod: Pod, text: string) => void };
  /** The kind the expanded document must have. */
  kind: string;
  /** Warnings our own rules are meant to raise on this snippet (the point of the example); any other warning fails. */
  warnings?: string[];
}

const probeLanded = (key: string) => (pod: Pod, text: string) => {
  const picked = /^(livenessProbe|readinessProbe|startupProbe):/m.exec(text)?.[1] ?? key;
  assert.ok(pod.spec.containers[0][picked], `the probe should be a field of the container (${picked})`);
};

const EXPECT: Record<string, Expectation> = {
  'pod-skeleton': { kind: 'Pod' },
  'pod-shared-pid-debug': { kind: 'Pod' },
  'pod-host-aliases': { kind: 'Pod' },
  'pod-host-namespaces': { kind: 'Pod', warnings: ['host-ipc', 'host-network', 'host-pid'] },
  'pod-lifecycle-demo': { kind: 'Pod' },
  'k8s-host-alias': {
    kind: 'Pod',
    parent: {
      wrap: inHostAliases,
      landed: (pod) => assert.deepEqual(pod.spec.hostAliases, [{ ip: '10.1.2.3', hostnames: ['foo.remote'] }]),
    },
  },
  'k8s-probe-http': { kind: 'Pod', parent: { wrap: inContainer, landed: probeLanded('livenessProbe') } },
  'k8s-probe-tcp': { kind: 'Pod', parent: { wrap: inContainer, landed: probeLanded('livenessProbe') } },
  'k8s-probe-exec': { kind: 'Pod', parent: { wrap: inContainer, landed: probeLanded('livenessProbe') } },
  'k8s-probe-grpc': { kind: 'Pod', parent: { wrap: inContainer, landed: probeLanded('livenessProbe') } },
  'k8s-probes-all': {
    kind: 'Pod',
    parent: {
      wrap: inContainer,
      landed: (pod) => {
        const c = pod.spec.containers[0];
        for (const key of ['startupProbe', 'readinessProbe', 'livenessProbe']) assert.ok(c[key], key);
      },
    },
  },
  'k8s-deployment': { kind: 'Deployment' },
  'k8s-statefulset': { kind: 'StatefulSet' },
  'k8s-daemonset': { kind: 'DaemonSet' },
  'k8s-job': { kind: 'Job' },
  'k8s-cronjob': { kind: 'CronJob' },
  'k8s-container': {
    kind: 'Pod',
    parent: { wrap: inContainers, landed: (pod) => assert.equal(pod.spec.containers.length, 1) },
  },
  'k8s-init-container': {
    kind: 'Pod',
    parent: {
      wrap: inInitContainers,
      landed: (pod) => assert.equal((pod.spec.initContainers as unknown[]).length, 1),
    },
  },
  'k8s-sidecar': {
    kind: 'Pod',
    parent: {
      wrap: inInitContainers,
      landed: (pod) => assert.equal((pod.spec.initContainers as { restartPolicy?: string }[])[0].restartPolicy, 'Always'),
    },
  },
};

const raw = readFileSync(FILE, 'utf8');
const snippets = JSON.parse(raw) as Record<string, Snippet>;
const entries = Object.entries(snippets);

describe('snippet syntax helper', () => {
  it('expands defaults, choices, mirrors, nesting and escapes', () => {
    assert.equal(expand(['a: ${1:x}', 'b: ${2|p,q|}', 'c: $1${3}$0']), 'a: x\nb: p\nc: x');
    assert.equal(expand(['${2:${1:in}-out} $1']), 'in-out in');
    assert.equal(expand(['cost: \\$5 \\} \\\\']), 'cost: $5 } \\');
    assert.equal(expand(['${1|p,q|}'], new Map([[1, 'q']])), 'q');
    assert.throws(() => expand(['$TM_FILENAME']));
    assert.throws(() => expand(['${1:open']));
  });
});

describe('snippets/kubernetes.json', () => {
  it('is a JSON object of snippets', () => {
    assert.ok(entries.length > 0);
    // JSON.parse keeps the last of two equal names: count the names in the source too.
    const names = [...raw.matchAll(/^ {2}"((?:[^"\\]|\\.)*)": \{$/gm)].map((m) => m[1]);
    assert.equal(names.length, entries.length, 'snippet names are unique');
  });

  it('has a k8s-/pod- prefix, a description and a body on every entry, and unique prefixes', () => {
    const seen = new Set<string>();
    for (const [name, s] of entries) {
      assert.equal(typeof s.prefix, 'string', name);
      assert.match(s.prefix, /^(k8s|pod)-[a-z0-9-]+$/, name);
      assert.ok(!seen.has(s.prefix), `duplicate prefix ${s.prefix}`);
      seen.add(s.prefix);
      assert.equal(typeof s.description, 'string', name);
      assert.ok(s.description.length >= 20, `${name}: the description says what the snippet is`);
      assert.ok(Array.isArray(s.body) && s.body.length > 0 && s.body.every((l) => typeof l === 'string'), name);
      assert.deepEqual(Object.keys(s).sort(), ['body', 'description', 'prefix'], name);
    }
  });

  it('has exactly the snippets we test', () => {
    assert.deepEqual(entries.map(([, s]) => s.prefix).sort(), Object.keys(EXPECT).sort());
  });

  it('indents with two spaces, never tabs', () => {
    for (const [, s] of entries) {
      for (const line of expand(s.body).split('\n')) {
        assert.ok(!line.includes('\t'), `${s.prefix}: tab in ${JSON.stringify(line)}`);
        const lead = /^ */.exec(line)![0].length;
        if (line.trim() !== '') assert.equal(lead % 2, 0, `${s.prefix}: odd indentation in ${JSON.stringify(line)}`);
      }
    }
  });

  it('pins every image to a version tag', () => {
    for (const [, s] of entries) {
      for (const m of expand(s.body).matchAll(/image: (\S+)/g)) {
        assert.match(m[1], /:[\w][\w.-]*$/, `${s.prefix}: ${m[1]}`);
        assert.doesNotMatch(m[1], /:latest$/, `${s.prefix}: ${m[1]}`);
      }
    }
  });

  for (const [, s] of entries) {
    const expect = EXPECT[s.prefix];
    it(`${s.prefix} expands to valid Kubernetes YAML with no error diagnostics`, () => {
      assert.ok(expect, `no expectation for ${s.prefix}`);
      for (const { label, text: expanded } of variants(s.body)) {
        const text = expect.parent ? expect.parent.wrap(expanded) : expanded;
        const where = `${s.prefix} (${label}):\n${text}`;
        const docs = parseAllDocuments(text);
        assert.ok(!('empty' in docs), where);
        assert.equal(docs.length, 1, where);
        const [d] = docs;
        assert.deepEqual(
          d.errors.map((e) => e.message),
          [],
          where,
        );
        assert.deepEqual(d.warnings.map((e) => e.message), [], where);
        const value = d.toJS() as { apiVersion?: string; kind?: string };
        assert.equal(value.kind, expect.kind, where);
        assert.ok(value.apiVersion, where);
        if (expect.parent) expect.parent.landed(value as unknown as Pod, expanded);

        const found = diagnostics(text);
        const describe = (sev: number) =>
          found
            .filter((x) => x.severity === sev)
            .map((x) => `${x.range.start.line + 1}:${x.range.start.character + 1} ${x.code} ${x.message}`);
        assert.deepEqual(describe(1), [], `errors in ${where}`);
        const warnings = [...new Set(found.filter((x) => x.severity === 2).map((x) => String(x.code)))].sort();
        assert.deepEqual(warnings, expect.warnings ?? [], `warnings in ${where}\n${describe(2).join('\n')}`);
      }
    });
  }
});
