import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, IGrammar, IRawGrammar, parseRawGrammar, Registry, StateStack } from 'vscode-textmate';

const ROOT = join(__dirname, '..', '..');
const GRAMMAR_PATH = join(ROOT, 'syntaxes', 'podsense.injection.tmLanguage.json');
const SCOPE = 'podsense.injection';

const DIRECTIVE = 'keyword.control.directive.podsense';
const RULE_ID = 'entity.name.tag.rule-id.podsense';
const REASON = 'comment.line.reason.podsense';

/**
 * A stand-in for the YAML grammar, only for the injection tests: the comment
 * rule is VS Code's (RedCMD's YAML grammar) verbatim; a quoted string and a
 * plain key are enough to show that the injection leaves them alone.
 */
const HOST: IRawGrammar = JSON.parse(
  JSON.stringify({
    scopeName: 'source.yaml',
    patterns: [
      {
        begin: '(?<=[\\x{FEFF}\\t ]|^)#',
        end: '\\r|\\n',
        captures: { 0: { name: 'punctuation.definition.comment.yaml' } },
        name: 'comment.line.number-sign.yaml',
      },
      {
        begin: '"',
        end: '"',
        name: 'string.quoted.double.yaml',
      },
      { match: '[^\\s#"\':-][^:#"]*(?=:(?:\\s|$))', name: 'entity.name.tag.yaml' },
    ],
    repository: {},
  }),
);

interface Token {
  text: string;
  scopes: string[];
}

let standalone: IGrammar;
let injected: IGrammar;

before(async () => {
  const wasm = readFileSync(join(ROOT, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const onigLib = Promise.resolve({
    createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
    createOnigString: (s: string) => new oniguruma.OnigString(s),
  });
  const ours = () => parseRawGrammar(readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH);

  // Our grammar as the main grammar: no YAML grammar needed.
  const alone = new Registry({ onigLib, loadGrammar: async (scope) => (scope === SCOPE ? ours() : null) });
  standalone = (await alone.loadGrammar(SCOPE))!;

  // Our grammar injected into the stand-in YAML grammar, as VS Code does with `injectTo`.
  const host = new Registry({
    onigLib,
    loadGrammar: async (scope) => (scope === SCOPE ? ours() : scope === 'source.yaml' ? HOST : null),
    getInjections: (scope) => (scope === 'source.yaml' ? [SCOPE] : undefined),
  });
  injected = (await host.loadGrammar('source.yaml'))!;
  assert.ok(standalone && injected);
});

function tokenize(grammar: IGrammar, text: string): Token[][] {
  let state: StateStack = INITIAL;
  return text.split('\n').map((line) => {
    const r = grammar.tokenizeLine(line, state);
    state = r.ruleStack;
    return r.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}

const line = (grammar: IGrammar, text: string) => tokenize(grammar, text)[0];

/** The scopes of the token that is exactly `text` (the nth such token). */
function scopes(tokens: Token[], text: string, nth = 0): string[] {
  const found = tokens.filter((t) => t.text === text);
  assert.ok(found.length > nth, `no token ${JSON.stringify(text)} in ${JSON.stringify(tokens.map((t) => t.text))}`);
  return found[nth].scopes;
}

const podsenseScopes = (tokens: Token[]) => tokens.flatMap((t) => t.scopes.filter((s) => s.endsWith('.podsense')));

describe('podsense.injection grammar file', () => {
  it('is an injection into YAML, not a YAML grammar', () => {
    const g = JSON.parse(readFileSync(GRAMMAR_PATH, 'utf8'));
    assert.equal(g.scopeName, SCOPE);
    assert.equal(g.injectionSelector, 'L:source.yaml');
    assert.ok(!('fileTypes' in g) && !('firstLineMatch' in g), 'must not claim YAML files');
    const names = JSON.stringify(g.repository).match(/"(?:name|contentName)":\s*"([^"]*)"/g) ?? [];
    assert.ok(names.length > 0);
    for (const n of names) assert.match(n, /\.podsense"$/, `every scope we add is ours: ${n}`);
  });
});

describe('# podsense-disable comments', () => {
  it('scopes the directive, each id and the reason of podsense-disable-next-line', () => {
    const t = line(standalone, '  # podsense-disable-next-line host-pid, host-ipc -- node agent');
    assert.ok(scopes(t, 'podsense-disable-next-line').includes(DIRECTIVE));
    assert.ok(scopes(t, 'host-pid').includes(RULE_ID));
    assert.ok(scopes(t, 'host-ipc').includes(RULE_ID));
    assert.ok(scopes(t, ',').includes('punctuation.separator.rule-id.podsense'));
    assert.ok(scopes(t, '--').includes('punctuation.separator.reason.podsense'));
    assert.ok(scopes(t, ' node agent').includes(REASON));
    assert.ok(!scopes(t, ' node agent').includes(RULE_ID), 'the reason holds no ids');
    assert.ok(!scopes(t, 'host-pid').includes(REASON));
  });

  it('scopes podsense-disable with blank-separated ids and no reason', () => {
    const t = line(standalone, '# podsense-disable host-pid host-ipc');
    assert.ok(scopes(t, 'podsense-disable').includes(DIRECTIVE));
    assert.ok(scopes(t, 'host-pid').includes(RULE_ID));
    assert.ok(scopes(t, 'host-ipc').includes(RULE_ID));
    assert.deepEqual(podsenseScopes(t).filter((s) => s === REASON), []);
  });

  it('scopes a bare directive (every rule) and one after a value', () => {
    assert.ok(scopes(line(standalone, '#podsense-disable'), 'podsense-disable').includes(DIRECTIVE));
    const t = line(standalone, 'hostPID: true  # podsense-disable-next-line host-pid');
    assert.ok(scopes(t, 'podsense-disable-next-line').includes(DIRECTIVE));
    assert.ok(scopes(t, 'host-pid').includes(RULE_ID));
    assert.deepEqual(podsenseScopes(line(standalone, 'hostPID: true')), []);
  });

  it('leaves ordinary comments and look-alikes alone', () => {
    for (const text of [
      '# just a comment',
      '  # why: node agent -- host-pid',
      '# see podsense-disable in the docs',
      '# podsense-disabled host-pid',
      '# podsense-disable-next-lines host-pid',
      'url: http://example.com/#podsense-disable host-pid',
      'name: podsense-disable',
    ]) {
      assert.deepEqual(podsenseScopes(line(standalone, text)), [], text);
    }
  });
});

describe('the podsense.io/ignore annotation', () => {
  it('scopes the key and each id of a quoted value', () => {
    const t = line(standalone, '    podsense.io/ignore: "host-pid,host-ipc"        # this object');
    assert.ok(scopes(t, 'podsense.io/ignore').includes(DIRECTIVE));
    assert.ok(scopes(t, 'host-pid').includes(RULE_ID));
    assert.ok(scopes(t, 'host-ipc').includes(RULE_ID));
    assert.ok(scopes(t, ',').includes('punctuation.separator.rule-id.podsense'));
    assert.deepEqual(podsenseScopes(t.filter((x) => x.text.includes('"') || x.text.includes('#'))), []);
  });

  it('scopes plain, single-quoted and quoted-key forms', () => {
    for (const text of [
      'podsense.io/ignore: host-pid, host-ipc',
      "podsense.io/ignore: 'host-pid host-ipc'",
      '"podsense.io/ignore": "host-pid,host-ipc"',
      '  annotations: {podsense.io/ignore: "host-pid,host-ipc"}',
    ]) {
      const t = line(standalone, text);
      assert.ok(scopes(t, 'podsense.io/ignore').includes(DIRECTIVE), text);
      assert.ok(scopes(t, 'host-pid').includes(RULE_ID), text);
      assert.ok(scopes(t, 'host-ipc').includes(RULE_ID), text);
    }
  });

  it('leaves other annotations and values alone', () => {
    for (const text of [
      '    ignore-check.kube-linter.io/host-network: "node agent"',
      '    podsense.io/ignored: "host-pid"',
      '    example.com/podsense.io/ignore: "host-pid"',
      '    description: see podsense.io/ignore',
      '  hostPID: true',
    ]) {
      assert.deepEqual(podsenseScopes(line(standalone, text)), [], text);
    }
  });
});

describe('injected into a YAML grammar', () => {
  it('keeps the comment scope and its # around the directive', () => {
    const t = line(injected, '  # podsense-disable-next-line host-pid, host-ipc -- node agent');
    assert.deepEqual(scopes(t, '#'), ['source.yaml', 'comment.line.number-sign.yaml', 'punctuation.definition.comment.yaml']);
    for (const text of ['podsense-disable-next-line', 'host-pid', 'host-ipc', ' node agent']) {
      assert.ok(scopes(t, text).includes('comment.line.number-sign.yaml'), text);
    }
    assert.ok(scopes(t, 'podsense-disable-next-line').includes(DIRECTIVE));
    assert.ok(scopes(t, 'host-ipc').includes(RULE_ID));
    assert.ok(scopes(t, ' node agent').includes(REASON));
  });

  it('adds nothing to ordinary comments, keys and strings', () => {
    const lines = tokenize(injected, '# just a comment\nmetadata:\n  name: "web # not a comment"');
    for (const t of lines) assert.deepEqual(podsenseScopes(t), []);
    assert.ok(scopes(lines[0], ' just a comment').includes('comment.line.number-sign.yaml'));
  });

  it('keeps the ids of the annotation inside the YAML string', () => {
    const t = line(injected, '    podsense.io/ignore: "host-pid,host-ipc"');
    assert.ok(scopes(t, 'host-pid').includes('string.quoted.double.yaml'));
    assert.ok(scopes(t, 'host-pid').includes(RULE_ID));
    assert.deepEqual(scopes(t, '"', 1), ['source.yaml', 'string.quoted.double.yaml']);
  });

  it('never swallows the closing quote of a string that contains directive-like text', () => {
    const lines = tokenize(injected, 'note: "x #podsense-disable host-pid"\nnext: 1');
    assert.deepEqual(scopes(lines[0], '"', 1), ['source.yaml', 'string.quoted.double.yaml']);
    assert.deepEqual(scopes(lines[1], 'next'), ['source.yaml', 'entity.name.tag.yaml']);
  });
});
