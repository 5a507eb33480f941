import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, it } from 'node:test';
import { corpusFiles, corpusMissing } from './corpus';
import { visit, isScalar, Scalar } from 'yaml';
import { diagnostics, doc, findings, hoverText, service } from './helpers';

/** Hover at every `step`-th offset: must never throw, and return either null or well-formed markdown. */
function hoverEverywhere(text: string, step = 1): number {
  const ls = service();
  const file = ls.parse(text);
  const d = doc(text);
  let answered = 0;
  for (let offset = 0; offset <= text.length; offset += step) {
    const h = ls.doHover(file, d, d.positionAt(offset), { locale: 'en' });
    if (h) {
      answered++;
      assert.equal(typeof hoverText(h), 'string');
      assert.ok(d.offsetAt(h.range!.start) <= offset && offset <= d.offsetAt(h.range!.end), 'hover range must contain the cursor');
    }
  }
  return answered;
}

describe('bad input', () => {
  it('answers nothing, and never throws, on binary junk', () => {
    let junk = '';
    let seed = 42;
    for (let i = 0; i < 4000; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      junk += String.fromCharCode(seed % 256);
    }
    assert.equal(hoverEverywhere(junk, 7), 0);
    assert.equal(hoverEverywhere('\u0000\u0001apiVersion: v1\nkind: Pod\n\u0000'), 0);
  });
  it('copes with an empty file, only comments, only markers', () => {
    for (const text of ['', '# nothing\n', '---\n---\n...\n', '\uFEFF', '   \n\t\n']) assert.equal(hoverEverywhere(text), 0);
  });
  it('copes with Helm templates', () => {
    const helm = [
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: {{ include "app.fullname" . }}',
      'spec:',
      '  {{- if .Values.hostNetwork }}',
      '  hostNetwork: true',
      '  {{- end }}',
      '  containers:',
      '  - name: app',
      '    image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"',
      '',
    ].join('\n');
    hoverEverywhere(helm);
  });
  it('copes with broken YAML around a Pod', () => {
    const broken = 'apiVersion: v1\nkind: Pod\nspec:\n  containers: [\n  - name: "a\n  hostPID: : true\n\t- x\n';
    hoverEverywhere(broken);
  });
  it('answers on a 10 MB file without re-walking it per request', () => {
    const one = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  hostIPC: true\n  containers:\n  - name: a\n    image: nginx\n';
    const text = one.repeat(Math.ceil((10 * 1024 * 1024) / (one.length + 4))).split('apiVersion').join('---\napiVersion');
    const ls = service();
    const file = ls.parse(text);
    assert.ok(file.documents.length > 50_000);
    const last = text.lastIndexOf('hostIPC') + 2;
    const { TextDocument } = require('vscode-languageserver-textdocument') as typeof import('vscode-languageserver-textdocument');
    const d = TextDocument.create('file:///big.yaml', 'yaml', 1, text);
    const h = ls.doHover(file, d, d.positionAt(last), { locale: 'en' });
    assert.match(hoverText(h)!, /hostIPC/);
  });
});

describe('huge documents', () => {
  it('does not parse a single document over the size limit, and says nothing about it', () => {
    const lines = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  annotations:'];
    for (let i = 0; i < 40_000; i++) lines.push(`    note-${i}: "${'x'.repeat(60)}"`);
    lines.push('spec:', '  hostPID: true', '');
    const text = lines.join('\n');
    const ls = service();
    const file = ls.parse(text);
    assert.ok(text.length > 3 * 1024 * 1024);
    assert.equal(file.documents[0].chunk.tooLarge, true);
    const d = doc(text);
    const started = Date.now();
    assert.equal(ls.doHover(file, d, d.positionAt(text.indexOf('hostPID') + 2), { locale: 'en' }), null);
    assert.ok(Date.now() - started < 1000);
  });
  it('parses only the documents a request looks at', () => {
    const ls = service();
    const text = 'apiVersion: v1\nkind: Pod\nspec:\n  hostIPC: true\n---\n'.repeat(1000);
    const file = ls.parse(text);
    const d = doc(text);
    ls.doHover(file, d, d.positionAt(text.length - 20), { locale: 'en' });
    const parsed = file.documents.filter((x) => (x.chunk as unknown as { parsed?: unknown }).parsed !== undefined).length;
    assert.equal(parsed, 1);
  });
});

describe('diagnostics on bad input', () => {
  it('says nothing about binary junk and never throws', () => {
    let junk = '';
    for (let i = 0; i < 20_000; i++) junk += String.fromCharCode((i * 7919) % 65_535);
    assert.deepEqual(diagnostics(junk), []);
    assert.deepEqual(diagnostics('\u0000apiVersion: v1\nkind: Pod\n\u0000\u0001'), diagnostics('\u0000apiVersion: v1\nkind: Pod\n\u0000\u0001'));
  });
  it('gives a templated file one note however many documents it has', () => {
    const doc = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n{{- toYaml .Values.spec | nindent 2 }}\n';
    const text = `{{- if .Values.enabled }}\n${[doc, doc, doc].join('---\n')}{{- end }}\n`;
    assert.deepEqual(findings(text), ['1:1 templated-file']);
  });
});

describe('the shared corpus', { skip: corpusMissing }, () => {
  it('reports at most parser problems and one templated note on templated and malformed files', () => {
    for (const f of [...corpusFiles('templated'), ...corpusFiles('malformed')]) {
      const codes = new Set(diagnostics(readFileSync(f, 'utf8')).map((d) => String(d.code)));
      for (const code of codes) assert.ok(['templated-file', 'yaml-syntax', 'duplicate-key'].includes(code), `${basename(f)}: ${code}`);
    }
  });
  it('hovers every offset of the templated and malformed files without throwing', () => {
    for (const f of [...corpusFiles('templated'), ...corpusFiles('malformed')]) {
      hoverEverywhere(readFileSync(f, 'utf8'), 3);
    }
  });
  it('answers a hover on the keys of every Kubernetes object', () => {
    const ls = service();
    let objects = 0;
    let keys = 0;
    const silent: string[] = [];
    for (const f of corpusFiles().filter((p) => !/\/(big|templated|malformed)\//.test(p))) {
      const text = readFileSync(f, 'utf8');
      const file = ls.parse(text);
      const d = doc(text);
      for (const yd of file.documents) {
        const kind = yd.chunk.yaml.get('kind');
        if (typeof kind !== 'string' || !/^(Pod|Deployment|StatefulSet|DaemonSet|ReplicaSet|Job|CronJob)$/.test(kind)) continue;
        objects++;
        visit(yd.chunk.yaml, {
          Pair(_, pair) {
            if (!isScalar(pair.key)) return;
            const at = yd.start + (pair.key as Scalar).range![0];
            keys++;
            if (!ls.doHover(file, d, d.positionAt(at), { locale: 'en' })) silent.push(`${basename(f)}: ${String((pair.key as Scalar).value)}`);
          },
        });
      }
    }
    assert.ok(objects > 200, `only ${objects} pod-bearing objects found`);
    // The only keys without hover are ones the schema does not know (typos, removed fields).
    assert.ok(silent.length <= keys / 100, `${silent.length}/${keys} keys without hover:\n${silent.join('\n')}`);
  });
});
