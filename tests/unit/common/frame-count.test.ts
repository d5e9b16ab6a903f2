import { describe, expect, it } from 'vitest';
import { countFrames } from '../../../common/frame-count.js';

// A screen page's own account of its frames, for the whole-wall view.

describe('countFrames', () => {
  it('gives the frame rate and the refresh periods missed between frames', () => {
    const steady = Array.from({ length: 61 }, (_, i) => i * (1000 / 60));
    expect(countFrames(steady)).toEqual({ fps: 60, droppedFrames: 0 });
    // One frame 50 ms late: three refresh periods in one gap, two of them missed.
    const late = [0, 16.7, 33.3, 83.3, 100];
    expect(countFrames(late).droppedFrames).toBe(2);
    expect(countFrames([5])).toEqual({ fps: 0, droppedFrames: 0 });
  });
});
