/**
 * `npm run demo`: starts the built language server over stdio, exactly as an
 * editor would, opens the example Pods and prints the hovers it answers.
 * Usage: npm run demo [-- --locale zh-cn] [-- file.yaml field ...]
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { LspClient } from '../test/protocol/lspClient';

const args = process.argv.slice(2);
const localeAt = args.indexOf('--locale');
const locale = localeAt >= 0 ? args.splice(localeAt, 2)[1] : 'en';
const root = join(__dirname, '..');

const tour: [string, string][] =
  args.length >= 2
    ? args.slice(1).map((needle) => [args[0], needle])
    : [
        ['examples/shared-pid-debug.yaml', 'shareProcessNamespace'],
        ['examples/host-namespaces.yaml', 'hostPID'],
        ['examples/lifecycle-demo.yaml', 'preStop'],
        ['examples/kubectl-get-pod.yaml', 'CrashLoopBackOff'],
      ];

function terminal(markdown: string): string {
  return markdown
    .replace(/\*\*/g, '')
    .replace(/\\([\\*_<>[\]#|~])/g, '$1')
    .replace(/^---$/gm, '─'.repeat(60))
    .replace(/\[([^\]]+)\]\(([^)]+)\)/g, '$2');
}

async function main(): Promise<void> {
  const client = new LspClient();
  try {
    await client.initialize(locale);
    for (const [file, needle] of tour) {
      const path = join(root, file);
      const text = readFileSync(path, 'utf8');
      const match = new RegExp(`^[ -]*(${needle}):|: (${needle})\\b`, 'm').exec(text);
      const offset = match ? match.index + match[0].indexOf(needle) : -1;
      if (offset < 0) throw new Error(`${needle} not found in ${file}`);
      const line = text.slice(0, offset).split('\n').length - 1;
      const character = offset - text.lastIndexOf('\n', offset - 1) - 1 + 1;
      const uri = `file://${path}`;
      client.open(uri, text);
      const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', {
        textDocument: { uri },
        position: { line, character },
      });
      console.log(`\n══ hover on ${needle} in ${relative(root, path)}:${line + 1}:${character} ══\n`);
      console.log(hover ? terminal(hover.contents.value) : '(no hover)');
    }
    await client.shutdown();
  } finally {
    client.proc.kill();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
