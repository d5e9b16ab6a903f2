import WebSocket from 'ws';
import type { Result } from '../../common/result.js';

// A Node WebSocket client speaking the web host's envelope, for tests: collects every message,
// waits for the next one that matches, and sends requests by id.

export type Message = { id?: number | null; result?: Result<unknown>; event?: string; payload?: unknown };

export class WallSocket {
  readonly messages: Message[] = [];
  private waiters: Array<{ match: (m: Message) => boolean; resolve: (m: Message) => void }> = [];
  private cursor = 0;
  private nextId = 1;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const message = JSON.parse(String(data)) as Message;
      this.messages.push(message);
      const waiter = this.waiters.find((w) => w.match(message));
      if (!waiter) return;
      this.cursor = this.messages.length;
      this.waiters = this.waiters.filter((w) => w !== waiter);
      waiter.resolve(message);
    });
  }

  /** `ca`: the CA a wss:// host's certificate is checked against (tests/support/test-tls.ts). */
  static open(url: string, headers: Record<string, string> = {}, ca?: Buffer): Promise<WallSocket> {
    const ws = new WebSocket(url, { headers, ...(ca ? { ca } : {}) });
    const socket = new WallSocket(ws);
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(socket));
      ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
      ws.once('error', reject);
    });
  }

  /** The first message matching `match` after the one the previous call returned (or the next to arrive). */
  next(match: (m: Message) => boolean, timeoutMs = 5000): Promise<Message> {
    const index = this.messages.findIndex((m, i) => i >= this.cursor && match(m));
    if (index >= 0) {
      this.cursor = index + 1;
      return Promise.resolve(this.messages[index]!);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no matching message in time')), timeoutMs);
      this.waiters.push({ match, resolve: (m) => (clearTimeout(timer), resolve(m)) });
    });
  }

  event(name: string, timeoutMs?: number): Promise<Message> {
    return this.next((m) => m.event === name, timeoutMs);
  }

  sendRaw(data: string | Buffer): void {
    this.ws.send(data);
  }

  async request(channel: string, payload: unknown): Promise<Result<unknown>> {
    const id = this.nextId++;
    this.ws.send(JSON.stringify({ id, channel, payload }));
    const answer = await this.next((m) => m.id === id);
    return answer.result!;
  }

  closed(): Promise<{ code: number; reason: string }> {
    if (this.ws.readyState === WebSocket.CLOSED) return Promise.resolve({ code: -1, reason: 'already closed' });
    return new Promise((resolve) => this.ws.once('close', (code, reason) => resolve({ code, reason: String(reason) })));
  }

  close(): void {
    this.ws.close();
  }
}
