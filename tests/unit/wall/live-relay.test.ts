import { describe, expect, it } from 'vitest';
import type { CoreClient } from '../../../electron/wall/client.js';
import { LiveRelay } from '../../../electron/wall/live-relay.js';

// Frames for the console's live view flow only while a console watches, and only to the consoles watching.

function client(id: string, role: 'screen' | 'console', screenId?: string) {
  const feeds: Array<[string, unknown]> = [];
  const c: CoreClient = { id, transport: 'browser', role, ...(screenId ? { screenId } : {}), send: () => undefined, sendFeed: (event, payload) => void feeds.push([event, payload]) };
  return { c, feeds };
}
const image = 'data:image/jpeg;base64,AAAA';

describe('live view relay', () => {
  it('asks the screens for frames while at least one console watches, and relays them to the watchers only', () => {
    const a1 = client('s1', 'screen', 'A1');
    const watcher = client('c1', 'console');
    const other = client('c2', 'console');
    const relay = new LiveRelay(() => [a1.c, watcher.c, other.c]);
    const wants: boolean[] = [];
    relay.onWant((on) => wants.push(on));
    relay.watch(watcher.c, true);
    expect(a1.feeds).toEqual([['live:want', { on: true, everyMs: 1000 }]]);
    relay.stills(a1.c, { screenId: 'A1', frames: [{ cameraId: 'ubnd-tinh', image }] });
    relay.capture({ screenId: 'A1', image, at: 1 });
    expect(watcher.feeds.map(([e]) => e)).toEqual(['live:stills', 'live:capture']);
    expect(other.feeds).toEqual([]);
    relay.left(watcher.c);
    expect(a1.feeds.at(-1)).toEqual(['live:want', { on: false, everyMs: 1000 }]);
    expect(wants).toEqual([true, false]);
  });

  it('refuses frames a screen sends for another screen, and tells a screen that joins late', () => {
    const a1 = client('s1', 'screen', 'A1');
    const late = client('s2', 'screen', 'B1');
    const watcher = client('c1', 'console');
    const relay = new LiveRelay(() => [a1.c, watcher.c]);
    relay.watch(watcher.c, true);
    expect(relay.stills(a1.c, { screenId: 'B1', frames: [] })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    relay.joined(late.c);
    expect(late.feeds).toEqual([['live:want', { on: true, everyMs: 1000 }]]);
  });
});
