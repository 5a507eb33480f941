// Makes the V8 code caches dist/server.cache and dist/engine.cache that
// dist/server.js (server/src/loader.ts) runs the bundles from. Called by
// scripts/build.mjs after bundling: it starts the built server the way an
// editor does, with the loader collecting the compiled scripts instead of
// reading caches, and saves each script's cache once it has run what a
// session starts with: the server's after `initialize` is answered (so the
// cache holds start-up and no more), the engine's after a few documents have
// been opened, checked, hovered, completed, fixed and outlined.
//
// `node scripts/code-cache.mjs` makes the caches for the dist/ beside it;
// with `--child` it is the server process itself.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const HEADER = 256;
const BUNDLES = { server: 'server.bundle.js', engine: 'engine.js' };

/** Appends `//# podsenseBundle=<hash>` to each bundle: the loader takes a cache only with the bundle it was made for. */
export function markBundles() {
  for (const file of Object.values(BUNDLES)) {
    const path = join(dist, file);
    const source = readFileSync(path, 'utf8');
    const id = createHash('sha256').update(source).digest('hex').slice(0, 32);
    writeFileSync(path, `${source.endsWith('\n') ? source : `${source}\n`}//# podsenseBundle=${id}\n`);
  }
}

export function removeCaches() {
  for (const name of Object.keys(BUNDLES)) rmSync(join(dist, `${name}.cache`), { force: true });
}

/** The header server/src/loader.ts reads, then V8's data: made with checksums, which the loader has V8 verify. */
function writeCache(loader, name, { script, id }) {
  const header = `podsense-code-cache 2 ${process.versions.v8} ${process.arch} ${id} ${loader.v8Probe()}`;
  if (header.length >= HEADER) throw new Error(`header too long: ${header}`);
  const file = join(dist, `${name}.cache`);
  const data = loader.withChecksums(() => script.createCachedData());
  writeFileSync(`${file}.tmp`, Buffer.concat([Buffer.from(header.padEnd(HEADER - 1) + '\n', 'latin1'), data]));
  renameSync(`${file}.tmp`, file);
}

/** The server process: dist/server.js with the loader collecting its scripts; the parent says when to save them. */
function child() {
  const collected = new Map();
  globalThis[Symbol.for('podsense.codeCache')] = collected;
  let loader;
  process.on('message', (name) => {
    try {
      const entry = collected.get(name);
      if (!entry) throw new Error(`no ${name} script was compiled`);
      writeCache(loader, name, entry);
      process.send({ saved: name });
    } catch (err) {
      // The server catches uncaught exceptions: report to the parent instead.
      process.send({ error: String(err?.stack ?? err) });
    }
  });
  // Starts the server (collecting), and gives the loader's probe and checksum switch.
  loader = createRequire(import.meta.url)(join(dist, 'server.js'));
}

const EXAMPLES = ['web-deployment.yaml', 'kubectl-get-pod.yaml', 'lifecycle-demo.yaml', 'host-aliases.yaml'];

/** Starts the server, takes it through initialize and a few documents, and saves both caches. */
export async function makeCodeCaches() {
  // No V8 flags: the caches are for `node dist/server.js`.
  const proc = spawn(process.execPath, [fileURLToPath(import.meta.url), '--child', '--stdio'], {
    cwd: root,
    stdio: ['pipe', 'pipe', 'inherit', 'ipc'],
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  let buffer = Buffer.alloc(0);
  let nextId = 1;
  const pending = new Map();
  const write = (msg) => {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...msg }), 'utf8');
    proc.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  };
  proc.stdout.on('data', (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const end = buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, end).toString('ascii'))?.[1]);
      if (buffer.length < end + 4 + length) return;
      const msg = JSON.parse(buffer.subarray(end + 4, end + 4 + length).toString('utf8'));
      buffer = buffer.subarray(end + 4 + length);
      if (msg.method && msg.id !== undefined) {
        // workspace/configuration and the like: answer as an editor with default settings does.
        const result = msg.method === 'workspace/configuration' ? msg.params.items.map(() => ({})) : null;
        write({ id: msg.id, result });
      } else if (msg.id !== undefined) {
        const p = pending.get(msg.id);
        pending.delete(msg.id);
        if (msg.error) p?.reject(new Error(`code-cache: ${JSON.stringify(msg.error)}`));
        else p?.resolve(msg.result);
      }
    }
  });
  const failed = new Promise((_, reject) => {
    proc.on('exit', (code, signal) => reject(new Error(`code-cache: the server exited (${code ?? signal}) before the caches were made`)));
    proc.on('error', reject);
  });
  const request = (method, params) => {
    const id = nextId++;
    write({ id, method, params });
    return Promise.race([failed, new Promise((resolve, reject) => pending.set(id, { resolve, reject }))]);
  };
  failed.catch(() => undefined);
  const save = (name) => {
    const saved = new Promise((resolve, reject) => proc.once('message', (m) => (m.error ? reject(new Error(`code-cache: ${m.error}`)) : resolve())));
    proc.send(name);
    return Promise.race([failed, saved]);
  };
  const timer = setTimeout(() => proc.kill('SIGKILL'), 60_000);
  try {
    await request('initialize', {
      processId: process.pid,
      rootUri: null,
      locale: 'en',
      capabilities: {
        workspace: { configuration: true },
        textDocument: { diagnostic: { dynamicRegistration: false }, completion: { completionItem: { snippetSupport: true } } },
      },
    });
    await save('server');
    write({ method: 'initialized', params: {} });
    for (const name of EXAMPLES) {
      const path = join(root, 'examples', name);
      const text = readFileSync(path, 'utf8');
      const uri = pathToFileURL(path).href;
      const textDocument = { uri };
      write({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'yaml', version: 1, text } } });
      const { items } = await request('textDocument/diagnostic', { textDocument });
      const lines = text.split('\n');
      const line = lines.findIndex((l) => /^\s+image:/.test(l));
      const position = { line: Math.max(line, 0), character: 6 };
      await request('textDocument/hover', { textDocument, position });
      await request('textDocument/completion', { textDocument, position: { line: Math.max(line, 0), character: lines[Math.max(line, 0)].search(/\S/) } });
      const range = { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } };
      await request('textDocument/codeAction', { textDocument, range, context: { diagnostics: items } });
      await request('textDocument/documentSymbol', { textDocument });
    }
    await save('engine');
    await request('shutdown', null);
    const exited = new Promise((resolve) => proc.once('exit', resolve));
    write({ method: 'exit' });
    await exited;
  } finally {
    clearTimeout(timer);
    proc.kill('SIGKILL');
  }
}

if (process.argv.includes('--child')) child();
else if (process.argv[1] === fileURLToPath(import.meta.url)) await makeCodeCaches();
