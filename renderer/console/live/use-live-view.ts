import { useEffect, useMemo, useState } from 'react';
import type { CameraStills } from '../../panels/camera/camera-stills.js';
import { useBridge, useWallState } from '../../state/store-context.js';

// The console's side of the live view: it says it watches while the view is open and the page visible (again after a
// reconnect, as the core forgets a connection that went), and keeps the latest frame of each camera
// and the latest capture of each screen.

/** A capture older than this is not the screen as it is: the view draws the screen itself instead. */
const CAPTURE_FRESH_MS = 5000;

export type ScreenCaptures = ReadonlyMap<string, string>;

class StillStore implements CameraStills {
  private readonly frames = new Map<string, string>();
  private readonly listeners = new Set<() => void>();
  frame(cameraId: string): string | null {
    return this.frames.get(cameraId) ?? null;
  }
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  put(frames: ReadonlyArray<{ cameraId: string; image: string }>): void {
    for (const f of frames) this.frames.set(f.cameraId, f.image);
    for (const l of this.listeners) l();
  }
}

export function useLiveView(): { stills: CameraStills; captures: ScreenCaptures } {
  const bridge = useBridge();
  const { connected } = useWallState();
  const stills = useMemo(() => new StillStore(), []);
  const [captures, setCaptures] = useState<ReadonlyMap<string, { image: string; at: number }>>(new Map());
  const [now, setNow] = useState(() => Date.now());
  const visible = usePageVisible();

  // Only while someone can see it: a console left in a background tab or minimised costs the wall nothing.
  useEffect(() => {
    if (!connected || !visible) return;
    void bridge.watchLive(true);
    const off = bridge.onLive?.((payload) => {
      if ('frames' in payload) stills.put(payload.frames);
      else setCaptures((m) => new Map(m).set(payload.screenId, { image: payload.image, at: Date.now() }));
    });
    return () => {
      off?.();
      void bridge.watchLive(false);
    };
  }, [bridge, connected, visible, stills]);

  // Only while captures come (Electron walls): a capture that stops coming is dropped after a while.
  const capturing = captures.size > 0;
  useEffect(() => {
    if (!capturing) return;
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, [capturing]);

  const fresh = useMemo(() => new Map([...captures].filter(([, c]) => now - c.at < CAPTURE_FRESH_MS).map(([id, c]) => [id, c.image])), [captures, now]);
  return { stills, captures: fresh };
}

function usePageVisible(): boolean {
  const [visible, setVisible] = useState(() => document.visibilityState !== 'hidden');
  useEffect(() => {
    const update = () => setVisible(document.visibilityState !== 'hidden');
    document.addEventListener('visibilitychange', update);
    return () => document.removeEventListener('visibilitychange', update);
  }, []);
  return visible;
}
