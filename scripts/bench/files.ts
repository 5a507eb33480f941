/** The benchmark's inputs: the corpus's big files, a small Pod, and a generated 100,000-line file. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface BenchFile {
  readonly name: string;
  readonly path: string;
  readonly text: string;
  readonly lines: number;
  readonly documents: number;
  /** How many of its documents have a text no document before them has. */
  readonly distinct: number;
}

export function benchFiles(root: string, cacheDir: string, only?: readonly string[]): BenchFile[] {
  const corpus = join(root, '..', 'shared', 'corpus', 'big');
  if (!existsSync(corpus)) throw new Error(`the benchmark needs ../shared/corpus/big (not found at ${corpus})`);
  const files = [
    { name: 'small-pod', path: join(root, 'examples', 'shared-pid-debug.yaml') },
    { name: 'one-big-pod', path: join(corpus, 'one-big-pod.yaml') },
    { name: 'big-multidoc', path: join(corpus, 'big-multidoc.yaml') },
    { name: 'generated-100k', path: generate100k(join(corpus, 'big-multidoc.yaml'), cacheDir) },
  ].filter((f) => !only || only.includes(f.name));
  return files.map((f) => {
    const text = readFileSync(f.path, 'utf8');
    const documents = text.split(/^---\s*$/m);
    return { ...f, text, lines: text.split('\n').length, documents: documents.length, distinct: new Set(documents).size };
  });
}

/** 100,000 lines of real documents: big-multidoc repeated, each copy's names made unique. Not committed. */
function generate100k(source: string, cacheDir: string): string {
  const out = join(cacheDir, 'generated-100k.yaml');
  if (existsSync(out)) return out;
  mkdirSync(cacheDir, { recursive: true });
  const base = readFileSync(source, 'utf8').replace(/\n*$/, '\n');
  const parts: string[] = [];
  let lines = 0;
  for (let copy = 0; lines < 100_000; copy++) {
    const text = base.replace(/^(  name: )(\S+)$/gm, `$1$2-c${copy}`);
    parts.push(text);
    lines += text.split('\n').length - 1;
  }
  const all = parts.join('---\n').split('\n').slice(0, 100_000);
  // End on a document boundary so the last document is whole.
  while (all.length > 0 && all[all.length - 1] !== '---') all.pop();
  all.pop();
  writeFileSync(out, all.join('\n') + '\n');
  return out;
}

/** The text with a comment line of its own in each `---` document: the same YAML, no document repeated. */
export function distinctDocuments(text: string): string {
  let n = 0;
  return `# document ${n++}\n${text.replace(/^---[ \t]*$/gm, (marker) => `${marker}\n# document ${n++}`)}`;
}

/** Offsets of keys inside pod specs, spread over the file: where people hover and complete. */
export function keyOffsets(text: string, count: number): number[] {
  const all: number[] = [];
  const re = /^( +)(- )?(image|name|containerPort|restartPolicy|imagePullPolicy|memory|cpu|mountPath|value):/gm;
  for (let m; (m = re.exec(text)); ) all.push(m.index + m[1].length + (m[2]?.length ?? 0) + 1);
  if (all.length <= count) return all;
  const step = all.length / count;
  return Array.from({ length: count }, (_, i) => all[Math.floor(i * step)]);
}

/** Offsets just after a container's `image:` line, where a new key line is typed. */
export function newLineOffsets(text: string, count: number): number[] {
  const all: number[] = [];
  const re = /^( +)image: [^\n]*$/gm;
  for (let m; (m = re.exec(text)); ) all.push(m.index + m[0].length);
  if (all.length <= count) return all;
  const step = all.length / count;
  return Array.from({ length: count }, (_, i) => all[Math.floor(i * step)]);
}
