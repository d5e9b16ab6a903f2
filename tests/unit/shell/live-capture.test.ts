import { describe, expect, it } from 'vitest';
import { captureSize, CaptureRounds } from '../../../electron/shell-policy/live-capture.js';

describe('live view captures of wall windows', () => {
  it('shrinks a capture to at most 640 px wide, aspect kept, never enlarged', () => {
    expect(captureSize(1920, 1080)).toEqual({ width: 640, height: 360 });
    expect(captureSize(1080, 1920)).toEqual({ width: 640, height: 1138 });
    expect(captureSize(320, 180)).toEqual({ width: 320, height: 180 });
    expect(captureSize(0, 1080)).toEqual({ width: 0, height: 0 });
  });

  it('runs one round at a time, and only while wanted', async () => {
    let started = 0;
    let finish: () => void = () => undefined;
    const rounds = new CaptureRounds(() => {
      started++;
      return new Promise<void>((resolve) => (finish = resolve));
    }, 60_000);
    expect(rounds.active).toBe(false);
    rounds.want(true);
    expect(rounds.active).toBe(true);
    expect(started).toBe(1);
    expect(await rounds.tick()).toBe(false); // the first round is still running: no second one on top
    finish();
    await Promise.resolve();
    await Promise.resolve();
    const next = rounds.tick();
    expect(started).toBe(2);
    finish();
    expect(await next).toBe(true);
    rounds.want(false);
    expect(rounds.active).toBe(false);
    rounds.close();
  });
});
