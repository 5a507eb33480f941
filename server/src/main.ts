/**
 * The PodSense language server, as dist/server-main.js; dist/server.js
 * (boot.ts) loads it, with a code cache when the editor gives a folder for
 * one. Transport comes from the command line, as vscode-languageserver reads
 * it: `--stdio` for any editor, `--node-ipc` when VS Code's client starts it.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { loadSchemaData } from './schemaFile';
import type { CodeCache, LoadedBundle } from './boot/codeCache';
import { CodeCacheSlot, startServer } from './server';

const connection = createConnection(ProposedFeatures.all);
// stdout is the protocol: anything the code logs goes to the client instead.
console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
console.info = console.log;
console.warn = (...args: unknown[]) => connection.console.warn(args.map(String).join(' '));
console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));
process.on('uncaughtException', (err) => connection.console.error(`PodSense: uncaught ${err.stack ?? err}`));
process.on('unhandledRejection', (err) => connection.console.error(`PodSense: unhandled rejection ${String(err)}`));

const codeCache: CodeCacheSlot = {};
startServer(connection, () => loadSchemaData(), codeCache);

/** boot.ts hands over the code cache it could not read (boot/codeCache.ts); the server sends it to the editor. */
export function offerCodeCache(take: () => CodeCache | undefined): void {
  codeCache.take = take;
}

/** With a cache folder, boot.ts hands over how to load a bundle with its cache there: the server loads dist/engine.js so. */
export function loadBundlesWith(load: (file: string) => LoadedBundle): void {
  codeCache.load = load;
}
