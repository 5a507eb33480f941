import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';

/** The language service is pure: only these modules may be imported from server/src/service. */
const ALLOWED = new Set(['yaml', 'vscode-languageserver-types', 'vscode-languageserver-textdocument']);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('service purity', () => {
  it('imports no transport, vscode, file system or process modules', () => {
    const root = join(__dirname, '..', '..', 'server', 'src', 'service');
    const offenders: string[] = [];
    for (const file of files(root)) {
      const src = readFileSync(file, 'utf8');
      for (const m of src.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
        const spec = m[1] ?? m[2] ?? m[3];
        if (spec.startsWith('.')) continue;
        if (!ALLOWED.has(spec)) offenders.push(`${relative(root, file)} imports ${spec}`);
      }
      if (/\bprocess\.|\bconsole\./.test(src)) offenders.push(`${relative(root, file)} touches process or console`);
    }
    assert.deepEqual(offenders, []);
  });
});
