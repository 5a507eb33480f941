/** The boundary between protocol and service: fallback answers, one log line per feature and document, cancellation. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Connection } from 'vscode-languageserver';
import { runSafe } from '../../server/src/runSafe';

function fakeConnection(): { connection: Connection; logged: string[] } {
  const logged: string[] = [];
  const connection = { console: { error: (m: string) => logged.push(m), warn: (m: string) => logged.push(m), log: (m: string) => logged.push(m) } } as unknown as Connection;
  return { connection, logged };
}

describe('runSafe', () => {
  it('answers the fallback on an exception and logs it once per feature and document, with the uri', () => {
    const { connection, logged } = fakeConnection();
    const boom = () => {
      throw new RangeError('Maximum call stack size exceeded');
    };
    for (let i = 0; i < 3; i++) assert.equal(runSafe(connection, 'hover', 'file:///a.yaml', undefined, null, boom), null);
    assert.deepEqual(runSafe(connection, 'symbols', 'file:///a.yaml', undefined, [], boom), []);
    assert.equal(runSafe(connection, 'hover', 'file:///b.yaml', undefined, null, boom), null);
    assert.equal(logged.length, 3);
    assert.ok(logged[0].includes('file:///a.yaml') && logged[0].includes('hover') && logged[0].includes('Maximum call stack'));
    assert.ok(logged[2].includes('file:///b.yaml'));
    // A thrown non-Error is reported too.
    runSafe(connection, 'completion', 'file:///c.yaml', undefined, null, () => {
      throw 'a string';
    });
    assert.match(logged[3], /a string/);
  });
  it('does not run a cancelled request', () => {
    const { connection } = fakeConnection();
    let ran = false;
    const token = { isCancellationRequested: true, onCancellationRequested: () => ({ dispose() {} }) };
    assert.equal(runSafe(connection, 'hover', 'file:///a.yaml', token, 'fallback', () => ((ran = true), 'answer')), 'fallback');
    assert.equal(ran, false);
  });
});
