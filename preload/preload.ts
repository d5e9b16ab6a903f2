import '../common/zod-config.js';
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  bindWallBridge,
  bridgeEventChannels,
  describeIssues,
  invokeChannels,
  IPC_PREFIX,
  type BridgeEvent,
  type InvokeChannel,
} from '../common/contract.js';
import { fail, type Result } from '../common/result.js';

// The page's only way to the main process: one function per capability, answers as Result values
// (a thrown error would lose all but its message), answers and events checked against the contract.
// Bundled to dist/preload/preload.cjs: a sandboxed preload may require only 'electron'.

async function call(channel: InvokeChannel, payload: unknown): Promise<Result<unknown>> {
  try {
    const answer: unknown = await ipcRenderer.invoke(IPC_PREFIX + channel, payload);
    if (!isResult(answer)) return fail('bad-answer', `${channel}: the main process answered with something that is not a result`);
    if (!answer.ok) return { ok: false, error: { ...answer.error } };
    const parsed = invokeChannels[channel].response.safeParse(answer.value);
    if (!parsed.success) return fail('bad-answer', `${channel}: ${describeIssues(parsed.error)}`);
    return { ok: true, value: parsed.data };
  } catch (err) {
    return fail('ipc-failed', `${channel}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  if (value.ok === true) return 'value' in value;
  if (value.ok !== false || !('error' in value)) return false;
  const error = value.error;
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' && 'message' in error && typeof error.message === 'string';
}

/** Subscribe to one event; the page gets the checked payload, never the IpcRendererEvent. */
function listen(event: BridgeEvent, listener: (payload: unknown) => void): () => void {
  const schema = bridgeEventChannels[event];
  const handler = (_event: IpcRendererEvent, payload: unknown): void => {
    const parsed = schema.safeParse(payload);
    if (!parsed.success) return console.error(`toanCanh: ignored a malformed ${event} event: ${describeIssues(parsed.error)}`);
    listener(parsed.data);
  };
  ipcRenderer.on(IPC_PREFIX + event, handler);
  return () => void ipcRenderer.removeListener(IPC_PREFIX + event, handler);
}

// The bound bridge has one function per capability and nothing else: no pass-through invoke(channel, …).
contextBridge.exposeInMainWorld('toanCanh', bindWallBridge({ invoke: call, subscribe: listen }));
