/**
 * One fresh Node process of the warm-up measurement (scripts/bench/warmup.ts):
 * the same text parsed (and validated) `rounds` times, a new syntax tree each
 * round, printing each round's milliseconds as JSON. Plain JavaScript on the
 * built bundle, so what is timed is what the server runs.
 *
 *   node scripts/bench/warmupChild.cjs podsense|yaml FILE ROUNDS
 */
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const [mode, file, rounds] = process.argv.slice(2);
const text = readFileSync(file, 'utf8');
const dist = join(__dirname, '..', '..', 'dist');
let run;
if (mode === 'podsense') {
  const { getLanguageService } = require(join(dist, 'engine.js'));
  const service = getLanguageService(JSON.parse(readFileSync(join(dist, 'k8s-schema.json'), 'utf8')));
  run = () => {
    // As the server does: the file split at `---`, every document parsed and validated, the report serialised.
    const validation = service.validateFile(service.parse(text), { locale: 'en', rules: {} });
    return JSON.stringify(validation.advance().items()).length;
  };
} else {
  const { parseAllDocuments, LineCounter } = require('yaml');
  run = () => parseAllDocuments(text, { lineCounter: new LineCounter() }).length;
}
const times = [];
for (let i = 0; i < Number(rounds); i++) {
  const t = performance.now();
  run();
  times.push(performance.now() - t);
}
process.stdout.write(JSON.stringify(times));
