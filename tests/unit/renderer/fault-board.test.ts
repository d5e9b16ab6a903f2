import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PanelFault } from '../../../common/state.js';
import { FaultBoard } from '../../../renderer/screen/fault-board.js';

describe('FaultBoard', () => {
  let sent: PanelFault[][];
  let now: number;
  let board: FaultBoard;
  beforeEach(() => {
    vi.useFakeTimers();
    sent = [];
    now = 1000;
    board = new FaultBoard((f) => sent.push(f), () => now, 500);
    board.show('normal#1');
  });
  afterEach(() => vi.useRealTimers());

  it('sends the shown layer\'s faults whole, once a burst of changes settles, and not again when nothing changed', () => {
    board.set('normal#1', 'cameras', 'cam-1', { kind: 'camera', message: 'Không kết nối được' });
    now = 1100;
    board.set('normal#1', 'kpi', '', { kind: 'crashed', message: 'boom' });
    vi.advanceTimersByTime(499);
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual([[
      { panelId: 'cameras', subject: 'cam-1', kind: 'camera', message: 'Không kết nối được', since: 1000 },
      { panelId: 'kpi', subject: '', kind: 'crashed', message: 'boom', since: 1100 },
    ]]);
    // A camera that flaps (cleared, then back) within the burst sends nothing new.
    board.set('normal#1', 'kpi', '', null);
    board.set('normal#1', 'kpi', '', { kind: 'crashed', message: 'boom' });
    now = 1100;
    vi.advanceTimersByTime(500);
    expect(sent).toHaveLength(1);
  });

  it('keeps the start of a fault whose words change, counts only the shown layer, and resends on request', () => {
    board.set('normal#1', 'cameras', 'cam-1', { kind: 'camera', message: 'Không tìm thấy luồng (404)' });
    now = 5000;
    board.set('normal#1', 'cameras', 'cam-1', { kind: 'camera', message: 'Hết thời gian chờ' });
    // The flood layer, prepared hidden, is still starting its cameras: not the wall's fault yet.
    board.set('flood#2', 'dike', 'cam-9', { kind: 'camera', message: 'Hết thời gian chờ' });
    vi.advanceTimersByTime(500);
    expect(sent.at(-1)).toEqual([{ panelId: 'cameras', subject: 'cam-1', kind: 'camera', message: 'Hết thời gian chờ', since: 1000 }]);
    board.show('flood#2'); // the swap
    board.set('normal#1', 'cameras', 'cam-1', null); // the old layer goes
    vi.advanceTimersByTime(500);
    expect(sent.at(-1)).toEqual([{ panelId: 'dike', subject: 'cam-9', kind: 'camera', message: 'Hết thời gian chờ', since: 5000 }]);
    const count = sent.length;
    board.resend();
    vi.advanceTimersByTime(500);
    expect(sent).toHaveLength(count + 1);
    board.dispose();
  });
});
