// The console's side of the web host's WebSocket, for benchmarks that act as an operator for hours:
// requests by id, events ignored (unlike tests/support/wall-socket.ts, it keeps no log of messages, so
// the data feed it receives does not pile up in memory).
import WebSocket from 'ws';

/** `consoleUrl`: the URL the web host prints for the console (…/console?token=…); `onEvent(event, payload, bytes)` sees the feed. */
export async function openConsoleSocket(consoleUrl, { onEvent } = {}) {
  const page = new URL(consoleUrl);
  const token = page.searchParams.get('token');
  if (!token) throw new Error(`the console URL has no token: ${consoleUrl}`);
  const ws = new WebSocket(`ws://${page.host}/ws?token=${encodeURIComponent(token)}&role=console`, { perMessageDeflate: false });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`the console socket was refused: HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
  let nextId = 0;
  const waiting = new Map();
  ws.on('message', (raw) => {
    const msg = JSON.parse(String(raw));
    if (msg.id == null) {
      onEvent?.(msg.event, msg.payload, raw.length); // an event (state patches, data feed)
      return;
    }
    waiting.get(msg.id)?.(msg.result);
    waiting.delete(msg.id);
  });
  ws.on('close', () => {
    for (const resolve of waiting.values()) resolve({ ok: false, error: { code: 'closed', message: 'the console socket closed' } });
    waiting.clear();
  });
  return {
    /** The answer, `{ ok, value } | { ok: false, error }`; a request unanswered in `timeoutMs` is a failed one. */
    request(channel, payload, timeoutMs = 15_000) {
      if (ws.readyState !== WebSocket.OPEN) return Promise.resolve({ ok: false, error: { code: 'closed', message: 'the console socket is closed' } });
      const id = ++nextId;
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          waiting.delete(id);
          resolve({ ok: false, error: { code: 'timeout', message: `${channel}: no answer in ${timeoutMs} ms` } });
        }, timeoutMs);
        waiting.set(id, (result) => {
          clearTimeout(timer);
          resolve(result);
        });
        ws.send(JSON.stringify({ id, channel, payload }));
      });
    },
    close: () => ws.close(),
  };
}

// A password hash (scrypt, N=2^17) takes ~0.4 s idle and several seconds on a loaded box: not a fault.
const HASH_TIMEOUT_MS = 120_000;

/** Signs the socket in as `account`, creating it as the first administrator on a new installation. */
export async function signIn(socket, account) {
  const must = async (what, answer) => {
    const r = await answer;
    if (!r.ok) throw new Error(`${what}: ${r.error.code} ${r.error.message}`);
    return r.value;
  };
  const status = await must('auth:status', socket.request('auth:status', {}));
  if (status.needsSetup) await must('auth:setup', socket.request('auth:setup', account, HASH_TIMEOUT_MS));
  else await must('auth:login', socket.request('auth:login', { username: account.username, password: account.password }, HASH_TIMEOUT_MS));
}
