import type { WallBridge } from '../common/contract.js';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a browser, where the WebSocket bridge is used. */
    toanCanh?: WallBridge;
  }
}
