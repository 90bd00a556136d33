// A minimal Language Server Protocol client for the tests: spawns `tfguard lsp --stdio`, frames JSON-RPC messages
// with Content-Length headers, and waits for the notifications and responses a test asks for.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../helpers/paths.js';

export interface Message {
  id?: number;
  method?: string;
  params?: Record<string, unknown>;
  result?: unknown;
  error?: unknown;
}

export class LspClient {
  private readonly proc: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  readonly received: Message[] = [];
  private waiters: { test: (m: Message) => boolean; resolve: (m: Message) => void }[] = [];
  stderr = '';

  constructor(cwd: string) {
    this.proc = spawn(process.execPath, [join(repoRoot, 'bin', 'tfguard.js'), 'lsp', '--stdio'], { cwd });
    this.proc.stderr.on('data', (d: Buffer) => (this.stderr += d.toString()));
    this.proc.stdout.on('data', (d: Buffer) => this.onData(d));
  }

  private onData(d: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, d]);
    for (;;) {
      const end = this.buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const len = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, end).toString())?.[1]);
      if (this.buffer.length < end + 4 + len) return;
      const msg = JSON.parse(this.buffer.subarray(end + 4, end + 4 + len).toString('utf8')) as Message;
      this.buffer = this.buffer.subarray(end + 4 + len);
      this.received.push(msg);
      for (const w of [...this.waiters])
        if (w.test(msg)) {
          this.waiters = this.waiters.filter((x) => x !== w);
          w.resolve(msg);
        }
    }
  }

  send(msg: Message): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...msg }), 'utf8');
    this.proc.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.proc.stdin.write(body);
  }

  /** The next message (already received or to come) for which `test` holds; rejects after `ms`. */
  waitFor(test: (m: Message) => boolean, ms = 20_000, after = 0): Promise<Message> {
    const seen = this.received.slice(after).find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no such message within ${ms} ms; stderr: ${this.stderr}`)), ms);
      this.waiters.push({
        test,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m);
        },
      });
    });
  }

  async request(method: string, params: Record<string, unknown>): Promise<Message> {
    const id = this.nextId++;
    this.send({ id, method, params });
    return this.waitFor((m) => m.id === id && m.method === undefined);
  }

  notify(method: string, params: Record<string, unknown>): void {
    this.send({ method, params });
  }

  async close(): Promise<number | null> {
    await this.request('shutdown', {});
    this.notify('exit', {});
    return new Promise((resolve) => this.proc.on('exit', (code) => resolve(code)));
  }
}
