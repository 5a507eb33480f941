/**
 * The long fuzzing campaign: `npm run fuzz [-- --runs N --seed S]`.
 * The same properties as test/unit/fuzz.test.ts, many more cases (`--share`:
 * with the server's shared documents); prints
 * counts as it goes and, on a failure, the seed, the path to replay and the
 * shrunk input. Exit code 1 on a failure.
 */
import fc from 'fast-check';
import { cpus, totalmem } from 'node:os';
import { mutatedDocument, schemaDocument, seedTexts } from './arbitraries';
import { exerciseAll, newTally, Tally } from './harness';
import { service, sharingService } from '../unit/helpers';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const runs = arg('runs', 100_000);
const seed = arg('seed', Date.now() % 2 ** 31);
/** Share of cases generated from the schema model; the rest mutate real documents. */
const SCHEMA_SHARE = 0.3;

// `--share`: the service as the server makes it, where documents of equal text are one chunk across cases.
const ls = process.argv.includes('--share') ? sharingService() : service();
const { source, texts } = seedTexts();
const tally: Tally = newTally();
const started = Date.now();
let lastReport = started;

function progress(final = false): void {
  const now = Date.now();
  if (!final && now - lastReport < 30_000) return;
  lastReport = now;
  const secs = ((now - started) / 1000).toFixed(0);
  console.log(`${final ? 'done' : '...'} ${tally.cases} cases in ${secs} s; diagnostics ${tally.diagnostics}; slowest call ${tally.slowest.feature} ${tally.slowest.ms.toFixed(0)} ms`);
}

console.log(`PodSense fuzz campaign: ${runs} cases, seed ${seed}, ${texts.length} seed documents from ${source}`);
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}`);

const schemaRuns = Math.round(runs * SCHEMA_SHARE);
const properties: [string, fc.IProperty<never>, number][] = [
  [
    'mutated documents',
    fc.property(mutatedDocument(texts), (c) => {
      exerciseAll(ls, c.text, c.probes, tally, `seed file #${c.seed} after ${c.mutations.join(', ')}`);
      progress();
    }) as unknown as fc.IProperty<never>,
    runs - schemaRuns,
  ],
  [
    'schema-generated documents',
    fc.property(schemaDocument(ls.schema), (c) => {
      exerciseAll(ls, c.text, c.probes, tally, 'schema-generated');
      progress();
    }) as unknown as fc.IProperty<never>,
    schemaRuns,
  ],
];

let failed = false;
for (const [name, property, numRuns] of properties) {
  const details = fc.check(property, { seed, numRuns });
  if (details.failed) {
    failed = true;
    console.log(`\nFAILED: ${name}`);
    console.log(`replay with: npm run fuzz -- --seed ${details.seed} --runs ${runs} (fast-check path ${details.counterexamplePath})`);
    console.log(fc.defaultReportMessage(details));
    console.log(`error: ${details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance)}`);
  }
}
progress(true);
console.log('calls per feature:', JSON.stringify(tally.calls));
console.log('calls with a non-empty answer:', JSON.stringify(tally.answered));
console.log(`duration ${((Date.now() - started) / 1000).toFixed(1)} s; ${failed ? 'FAILED' : 'no failures'}`);
process.exitCode = failed ? 1 : 0;
