import { CancellationToken, Connection } from 'vscode-languageserver';

const reported = new WeakMap<Connection, Set<string>>();

/**
 * The boundary between the protocol and the service: the service may throw,
 * this catches, logs once per feature and document, and answers the fallback,
 * so one bad document never takes the server down. Honours cancellation.
 */
export function runSafe<T>(
  connection: Connection,
  feature: string,
  uri: string,
  token: CancellationToken | undefined,
  fallback: T,
  run: () => T,
): T {
  if (token?.isCancellationRequested) return fallback;
  try {
    return run();
  } catch (err) {
    let seen = reported.get(connection);
    if (!seen) reported.set(connection, (seen = new Set()));
    const key = `${feature} ${uri}`;
    if (!seen.has(key)) {
      seen.add(key);
      const detail = err instanceof Error ? err.stack ?? err.message : String(err);
      connection.console.error(`PodSense ${feature} failed on ${uri}: ${detail}`);
    }
    return fallback;
  }
}
