import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

export const SERVER = join(__dirname, '..', '..', 'dist', 'server.js');

interface Pending {
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
}

/**
 * A minimal LSP client over stdio, speaking JSON-RPC with Content-Length
 * framing the way an editor does. Waits are on messages, with timeouts.
 */
export class LspClient {
  readonly proc: ChildProcess;
  /** Bytes received and not yet dispatched, joined only once a whole message is there. */
  private chunks: Buffer[] = [];
  private buffered = 0;
  /** The bytes the message being received needs in all (0: its header is not complete yet). */
  private need = 0;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners: ((msg: Record<string, unknown>) => void)[] = [];
  readonly notifications: Record<string, unknown>[] = [];
  stderr = '';

  /**
   * Spawns `node [execArgv] <script> [args]`: by default our built server over
   * stdio; the benchmark passes another server's script (yaml-language-server).
   */
  constructor(args: string[] = ['--stdio'], execArgv: string[] = [], script: string = SERVER) {
    this.proc = spawn(process.execPath, [...execArgv, script, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stdout!.on('data', (chunk: Buffer) => this.onData(chunk));
    this.proc.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
  }

  /**
   * Linear in what arrives: a report of a hundred megabytes (a 10 MB file's
   * diagnostics) comes in thousands of pipe chunks, and joining them all on
   * each one would take minutes.
   */
  private onData(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    if (this.buffered < this.need) return;
    let buffer = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks, this.buffered);
    this.need = 0;
    for (;;) {
      const headerEnd = buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) break;
      const header = buffer.subarray(0, headerEnd).toString('ascii');
      const length = Number(/Content-Length: (\d+)/i.exec(header)?.[1]);
      if (buffer.length < headerEnd + 4 + length) {
        this.need = headerEnd + 4 + length;
        break;
      }
      const body = buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      buffer = buffer.subarray(headerEnd + 4 + length);
      this.dispatch(JSON.parse(body));
    }
    this.chunks = buffer.length > 0 ? [buffer] : [];
    this.buffered = buffer.length;
  }

  private dispatch(msg: Record<string, unknown>): void {
    if (typeof msg.id === 'number' && ('result' in msg || 'error' in msg)) {
      const p = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      if (msg.error) p?.reject(new Error(JSON.stringify(msg.error)));
      else p?.resolve(msg.result);
      return;
    }
    if (msg.id !== undefined && msg.method) {
      // A request from the server (e.g. workspace/configuration): answer like a plain editor.
      const result =
        msg.method === 'workspace/configuration'
          ? (msg.params as { items: { section?: string }[] }).items.map((item) => this.configurationFor(item.section))
          : null;
      this.write({ jsonrpc: '2.0', id: msg.id, result });
      return;
    }
    this.notifications.push(msg);
    for (const l of this.listeners) l(msg);
  }

  /** What this client answers to `workspace/configuration` for the `podsense` section. */
  configuration: unknown = {};

  /** The answer for any section; by default `configuration` for every section asked. */
  configurationFor: (section: string | undefined) => unknown = () => this.configuration;

  private write(msg: unknown): void {
    const body = Buffer.from(JSON.stringify(msg), 'utf8');
    this.proc.stdin!.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  request<T = unknown>(method: string, params: unknown, timeoutMs = 10_000): Promise<T> {
    return this.requestWithId<T>(method, params, timeoutMs).result;
  }

  /** A request and its id, for `$/cancelRequest`. */
  requestWithId<T = unknown>(method: string, params: unknown, timeoutMs = 10_000): { id: number; result: Promise<T> } {
    const id = this.nextId++;
    return { id, result: this.send<T>(id, method, params, timeoutMs) };
  }

  private send<T>(id: number, method: string, params: unknown, timeoutMs: number): Promise<T> {
    this.write({ jsonrpc: '2.0', id, method, params });
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${method} timed out after ${timeoutMs} ms; stderr: ${this.stderr}`)), timeoutMs);
      this.pending.set(id, {
        resolve: (v) => {
          clearTimeout(timer);
          resolve(v as T);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
    });
  }

  notify(method: string, params: unknown): void {
    this.write({ jsonrpc: '2.0', method, params });
  }

  /** Bytes straight onto the server's stdin: malformed framing or JSON. */
  writeRaw(bytes: string | Buffer): void {
    this.proc.stdin!.write(bytes);
  }

  /** One framed message whose body is given as bytes (invalid UTF-8, say). */
  writeFramed(body: Buffer): void {
    this.proc.stdin!.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  change(uri: string, version: number, contentChanges: unknown[]): void {
    this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }

  close(uri: string): void {
    this.notify('textDocument/didClose', { textDocument: { uri } });
  }

  cancel(id: number): void {
    this.notify('$/cancelRequest', { id });
  }

  /** Resolves with the exit code (or signal) when the server process ends, or 'timeout'. */
  exited(timeoutMs: number): Promise<number | string | null | 'timeout'> {
    if (this.proc.exitCode !== null || this.proc.signalCode !== null) return Promise.resolve(this.proc.exitCode ?? this.proc.signalCode);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve('timeout'), timeoutMs);
      this.proc.once('exit', (code, signal) => {
        clearTimeout(timer);
        resolve(code ?? signal);
      });
    });
  }

  /** Calls `listener` with every message from the server from now on. */
  onMessage(listener: (msg: Record<string, unknown>) => void): void {
    this.listeners.push(listener);
  }

  waitForNotification(method: string, timeoutMs = 10_000): Promise<Record<string, unknown>> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${method} within ${timeoutMs} ms`)), timeoutMs);
      const l = (msg: Record<string, unknown>) => {
        if (msg.method === method) {
          clearTimeout(timer);
          this.listeners.splice(this.listeners.indexOf(l), 1);
          resolve(msg);
        }
      };
      this.listeners.push(l);
    });
  }

  async initialize(
    locale: string,
    capabilities: Record<string, unknown> = {},
    processId: number | null = process.pid,
    initializationOptions?: Record<string, unknown>,
  ): Promise<Record<string, unknown>> {
    const result = await this.request<Record<string, unknown>>('initialize', {
      processId,
      rootUri: null,
      locale,
      capabilities,
      ...(initializationOptions ? { initializationOptions } : {}),
    });
    this.notify('initialized', {});
    return result;
  }

  open(uri: string, text: string, version = 1): void {
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text } });
  }

  /** shutdown + exit; resolves with the exit code. */
  async shutdown(timeoutMs = 5_000): Promise<number | null> {
    await this.request('shutdown', null);
    const exited = new Promise<number | null>((resolve) => this.proc.once('exit', (code) => resolve(code)));
    this.notify('exit', null);
    const timer = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), timeoutMs));
    const outcome = await Promise.race([exited, timer]);
    if (outcome === 'timeout') {
      this.proc.kill('SIGKILL');
      throw new Error('server did not exit after shutdown/exit');
    }
    return outcome;
  }
}
