import '../common/zod-config.js';
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  bridgeInvokes,
  describeIssues,
  eventChannels,
  feedEventChannels,
  invokeChannels,
  IPC_PREFIX,
  type EventChannel,
  type EventPayload,
  type FeedEventPayload,
  type InvokeChannel,
  type InvokeResponse,
  type WallBridge,
} from '../common/contract.js';
import { bindConsoleBridge } from '../common/console-contract.js';
import { bindTechnicianBridge } from '../common/technician-contract.js';
import { fail, type Result } from '../common/result.js';

// The page's only way to the main process: one function per capability, answers as Result values
// (a thrown error would lose all but its message), answers and events checked against the contract.
// Bundled to dist/preload/preload.cjs: a sandboxed preload may require only 'electron'.

async function call<C extends InvokeChannel>([channel, payload]: readonly [C, unknown]): Promise<Result<InvokeResponse<C>>> {
  try {
    const answer: unknown = await ipcRenderer.invoke(IPC_PREFIX + channel, payload);
    if (!isResult(answer)) return fail('bad-answer', `${channel}: the main process answered with something that is not a result`);
    if (!answer.ok) return { ok: false, error: { ...answer.error } };
    const parsed = invokeChannels[channel].response.safeParse(answer.value);
    if (!parsed.success) return fail('bad-answer', `${channel}: ${describeIssues(parsed.error)}`);
    return { ok: true, value: parsed.data as InvokeResponse<C> };
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
function listen<E extends EventChannel>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  if (typeof listener !== 'function') return () => undefined;
  const schema = eventChannels[event];
  const handler = (_event: IpcRendererEvent, payload: unknown): void => {
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      console.error(`toanCanh: ignored a malformed ${event} event: ${describeIssues(parsed.error)}`);
      return;
    }
    listener(parsed.data as EventPayload<E>);
  };
  ipcRenderer.on(IPC_PREFIX + event, handler);
  return () => {
    ipcRenderer.removeListener(IPC_PREFIX + event, handler);
  };
}

/** Both data feed events merge into the page's cache, so one listener takes either. */
function listenData(listener: (batch: FeedEventPayload<'data:update'>) => void): () => void {
  if (typeof listener !== 'function') return () => undefined;
  const stops = (['data:snapshot', 'data:update'] as const).map((event) => {
    const handler = (_event: IpcRendererEvent, payload: unknown): void => {
      const parsed = feedEventChannels[event].safeParse(payload);
      if (!parsed.success) return console.error(`toanCanh: ignored a malformed ${event} event: ${describeIssues(parsed.error)}`);
      listener(parsed.data);
    };
    ipcRenderer.on(IPC_PREFIX + event, handler);
    return () => void ipcRenderer.removeListener(IPC_PREFIX + event, handler);
  });
  return () => stops.forEach((stop) => stop());
}

const bridge: WallBridge = {
  getSnapshot: () => call(bridgeInvokes.getSnapshot()),
  reportScreen: (report) => call(bridgeInvokes.reportScreen(report)),
  reportFaults: (faults) => call(bridgeInvokes.reportFaults(faults)),
  getScreenStatuses: () => call(bridgeInvokes.getScreenStatuses()),
  setBezelCompensation: (enabled) => call(bridgeInvokes.setBezelCompensation(enabled)),
  setIdentify: (enabled) => call(bridgeInvokes.setIdentify(enabled)),
  setLanguage: (language) => call(bridgeInvokes.setLanguage(language)),
  syncClock: (t0) => call(bridgeInvokes.syncClock(t0)),
  getScenarioLayouts: () => call(bridgeInvokes.getScenarioLayouts()),
  onSnapshot: (listener) => listen('state:snapshot', listener),
  onPatch: (listener) => listen('state:patch', listener),
  onScreenStatuses: (listener) => listen('screens:status', listener),
  onData: (listener) => listenData(listener),
  ...bindConsoleBridge((channel, payload) => call([channel, payload])),
  ...bindTechnicianBridge((channel, payload) => call([channel, payload])),
};

contextBridge.exposeInMainWorld('toanCanh', bridge);
