/**
 * Builds a complete Kubernetes JSON schema for yaml-language-server from the
 * same kubernetes-models package PodSense's model comes from: every kind in
 * the package (each interface that extends TypeMeta), as one `anyOf`, with
 * ts-json-schema-generator over the package's type files. Cached by version.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { createGenerator } from 'ts-json-schema-generator';

export function k8sJsonSchema(cacheDir: string): string {
  const pkgDir = dirname(require.resolve('kubernetes-models/package.json'));
  const version = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')).version as string;
  const out = join(cacheDir, `kubernetes-models-${version}.schema.json`);
  if (existsSync(out)) return out;
  mkdirSync(cacheDir, { recursive: true });
  const kinds: { file: string; name: string }[] = [];
  const walk = (dir: string) => {
    for (const n of readdirSync(dir)) {
      const p = join(dir, n);
      if (statSync(p).isDirectory()) {
        if (n !== '_schemas') walk(p);
      } else if (n.endsWith('.d.ts') && !n.endsWith('List.d.ts') && n !== 'index.d.ts') {
        const m = /export interface (I\w+) extends TypeMeta/.exec(readFileSync(p, 'utf8'));
        if (m) kinds.push({ file: p, name: m[1] });
      }
    }
  };
  walk(pkgDir);
  // One version per kind (v1 before v1beta2 before v1alpha1): the generator needs unique type names.
  const rank = (file: string) => {
    const v = /\/(v\d+)((?:alpha|beta)\d+)?\//.exec(file);
    return v ? Number(v[1].slice(1)) * 100 - (v[2]?.startsWith('alpha') ? 60 : v[2] ? 30 : 0) : 0;
  };
  kinds.sort((a, b) => rank(b.file) - rank(a.file));
  const seen = new Set<string>();
  for (let i = 0; i < kinds.length; i++) {
    if (seen.has(kinds[i].name)) kinds.splice(i--, 1);
    else seen.add(kinds[i].name);
  }
  const entry = join(cacheDir, 'all-kinds.ts');
  const lines = kinds.map((k, i) => `import type { ${k.name} as I${i} } from '${relative(cacheDir, k.file).replace(/\.d\.ts$/, '')}';\nexport type K${i} = I${i};`);
  writeFileSync(entry, lines.join('\n') + '\n');
  writeFileSync(
    join(cacheDir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { strict: true, skipLibCheck: true, module: 'ESNext', moduleResolution: 'Bundler', target: 'ES2022' }, files: ['all-kinds.ts'] }),
  );
  const started = Date.now();
  const generator = createGenerator({
    path: entry,
    tsconfig: join(cacheDir, 'tsconfig.json'),
    skipTypeCheck: true,
    expose: 'all',
    topRef: true,
    jsDoc: 'extended',
    additionalProperties: false,
  });
  // One schema per kind (type names repeat across API groups), merged: identical
  // definitions are shared, clashing ones renamed within their kind.
  const definitions: Record<string, unknown> = {};
  const roots: unknown[] = [];
  kinds.forEach((_, i) => {
    const part = generator.createSchema(`K${i}`) as { definitions: Record<string, unknown>; $ref: string };
    let text = JSON.stringify(part);
    for (const [name, def] of Object.entries(part.definitions)) {
      const json = JSON.stringify(def);
      if (definitions[name] === undefined) definitions[name] = def;
      else if (JSON.stringify(definitions[name]) !== json) {
        const renamed = `${name}__${i}`;
        text = text.split(`"#/definitions/${encodeURIComponent(name)}"`).join(`"#/definitions/${renamed}"`);
        definitions[renamed] = JSON.parse(JSON.stringify(def));
      }
    }
    const rewritten = JSON.parse(text) as { definitions: Record<string, unknown>; $ref: string };
    for (const name of Object.keys(part.definitions)) {
      const renamed = `${name}__${i}`;
      if (definitions[renamed] !== undefined) definitions[renamed] = rewritten.definitions[name];
    }
    roots.push({ $ref: rewritten.$ref });
  });
  const schema = { $schema: 'http://json-schema.org/draft-07/schema#', definitions, anyOf: roots };
  writeFileSync(out, JSON.stringify(schema));
  console.error(`bench: JSON schema of ${kinds.length} kinds from kubernetes-models@${version} in ${Date.now() - started} ms`);
  return out;
}

if (require.main === module) console.log(k8sJsonSchema(join(__dirname, '..', '..', 'bench-cache')));
