/** The `podsense` command line. */
import { readFileSync } from 'node:fs';
import { parseArgs, USAGE } from './args';
import { lint } from './lint';
import { runIfWorker } from './workers';

declare const PODSENSE_VERSION: string;
const version = typeof PODSENSE_VERSION === 'string' ? PODSENSE_VERSION : '0.0.0-dev';

async function main(): Promise<number> {
  const parsed = parseArgs(process.argv.slice(2), process.env);
  switch (parsed.command) {
    case 'help':
      process.stdout.write(`${USAGE}\n`);
      return 0;
    case 'version':
      process.stdout.write(`${version}\n`);
      return 0;
    case 'error':
      process.stderr.write(`podsense: ${parsed.message}\n\n${USAGE}\n`);
      return 2;
    case 'lint':
      return lint(parsed.args, {
        cwd: process.cwd(),
        stdout: (t) => process.stdout.write(t),
        stderr: (t) => process.stderr.write(t),
        readStdin: () => readFileSync(0, 'utf8'),
        version,
        isTty: process.stderr.isTTY === true,
      });
  }
}

if (!runIfWorker()) {
  main().then(
    (code) => (process.exitCode = code),
    (err) => {
      process.stderr.write(`podsense: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 2;
    },
  );
}
