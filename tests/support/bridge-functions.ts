import { createSocketBridge } from '../../renderer/bridge/socket-bridge.js';

/**
 * The functions a page's bridge offers, as the web transport builds them: the Electron preload must offer
 * the same ones (less the socket's own connection functions), so neither transport falls behind the other.
 */
export function bridgeFunctions(): string[] {
  const socket = { readyState: 0, send: () => undefined, close: () => undefined, onopen: null, onmessage: null, onclose: null, onerror: null };
  const bridge = createSocketBridge({ url: 'ws://bridge.invalid/ws', createSocket: () => socket });
  bridge.close();
  return Object.keys(bridge).filter((k) => k !== 'onConnection' && k !== 'close').sort();
}
