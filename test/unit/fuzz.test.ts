/**
 * Property-based fuzzing, fixed seed and modest count: mutated real documents
 * and schema-generated YAML through every feature (see test/fuzz/harness.ts).
 * `npm run fuzz` runs the long campaign with the same properties.
 */
import fc from 'fast-check';
import { describe, it } from 'node:test';
import { mutatedDocument, schemaDocument, seedTexts } from '../fuzz/arbitraries';
import { exerciseAll } from '../fuzz/harness';
import { service } from './helpers';

const SEED = 20240607;

describe('fuzzing (fixed seed)', () => {
  const { source, texts } = seedTexts();
  it(`mutated documents from ${source} never break a feature`, () => {
    const ls = service();
    fc.assert(
      fc.property(mutatedDocument(texts), (c) => exerciseAll(ls, c.text, c.probes, undefined, `seed file #${c.seed} after ${c.mutations.join(', ')}`)),
      { seed: SEED, numRuns: 250 },
    );
  });
  it('YAML generated from the schema model never breaks a feature', () => {
    const ls = service();
    fc.assert(
      fc.property(schemaDocument(ls.schema), (c) => exerciseAll(ls, c.text, c.probes)),
      { seed: SEED, numRuns: 150 },
    );
  });
});
