import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { IPC_PREFIX, invokeChannels, type ClientRole, type InvokeChannel } from '../../common/contract.js';
import { fail, type Result } from '../../common/result.js';
import type { CoreClient } from '../wall/client.js';
import type { Logger } from '../../node-common/log.js';
import { senderRefusal } from '../shell-policy/shell-policy.js';
import type { WallCore } from '../wall/wall-core.js';

// Electron IPC to the core. A window's role and screen come from this registry, filled by the main
// process when it creates the window, never from what the page says. Every message is checked:
// known window, main frame, our origin. The core then checks the channel, role and payload.

interface Registered {
  contents: WebContents;
  client: CoreClient;
  disconnect: (() => void) | null;
}

export class IpcRouter {
  private readonly windows = new Map<number, Registered>();
  private readonly channels = Object.keys(invokeChannels) as InvokeChannel[];

  constructor(
    private readonly core: WallCore,
    private readonly log: Logger,
  ) {}

  install(): void {
    for (const channel of this.channels) {
      ipcMain.handle(IPC_PREFIX + channel, (event, payload: unknown) => this.invoke(event, channel, payload));
    }
  }

  uninstall(): void {
    for (const channel of this.channels) ipcMain.removeHandler(IPC_PREFIX + channel);
    for (const entry of this.windows.values()) this.drop(entry);
    this.windows.clear();
  }

  /** Register a window we created; it joins the core when its page is ready and leaves when the page goes. */
  attach(contents: WebContents, role: ClientRole, screenId?: string): void {
    const id = contents.id;
    const client: CoreClient = {
      id: `electron:${role}${screenId ? `:${screenId}` : ''}:${id}`,
      transport: 'electron',
      role,
      ...(screenId === undefined ? {} : { screenId }),
      send: (event, payload) => {
        if (!contents.isDestroyed()) contents.send(IPC_PREFIX + event, payload);
      },
      sendFeed: (event, payload) => {
        if (!contents.isDestroyed()) contents.send(IPC_PREFIX + event, payload);
      },
    };
    const entry: Registered = { contents, client, disconnect: null };
    this.windows.set(id, entry);
    contents.on('dom-ready', () => this.join(entry));
    // A new document replaced the page (reload, crash recovery): the old one's connection ends.
    // Not on did-start-navigation: a navigation we then refuse would leave the page disconnected.
    contents.on('did-navigate', () => this.drop(entry));
    contents.on('render-process-gone', () => this.drop(entry));
    contents.once('destroyed', () => {
      this.drop(entry);
      this.windows.delete(id);
    });
  }

  private join(entry: Registered): void {
    if (entry.disconnect) return;
    try {
      entry.disconnect = this.core.connect(entry.client);
    } catch (err) {
      this.log.error('window could not join the wall', { client: entry.client.id, error: String(err) });
    }
  }

  private drop(entry: Registered): void {
    entry.disconnect?.();
    entry.disconnect = null;
  }

  private async invoke(event: IpcMainInvokeEvent, channel: InvokeChannel, payload: unknown): Promise<Result<unknown>> {
    const entry = this.windows.get(event.sender.id);
    let origin: string | null = null;
    let mainFrame = false;
    try {
      const frame = event.senderFrame;
      origin = frame?.origin ?? null;
      mainFrame = frame !== null && frame === event.sender.mainFrame;
    } catch {
      // The frame was disposed while the message was in flight: refused below as "gone".
    }
    const refusal = senderRefusal({ known: entry?.contents === event.sender, mainFrame, origin });
    if (refusal !== null || !entry) {
      this.log.warn('ipc refused', { channel, reason: refusal, contents: event.sender.id });
      return fail('forbidden', refusal ?? 'sender is not a Toàn Cảnh window');
    }
    // A page may call before dom-ready; joining here means it never misses patches after its answer.
    this.join(entry);
    return this.core.handle(entry.client, channel, payload);
  }
}
