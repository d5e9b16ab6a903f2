import { useCallback, useState } from 'react';
import type { ClampNote } from '../../../common/calibration/ranges.js';
import type { AppError, Result } from '../../../common/result.js';

// Running one technician command from the console: busy while it runs, then what to tell the
// technician (a refusal, or the values that were moved into range).

export interface Feedback {
  tone: 'error' | 'warning';
  /** The error's code (e.g. "calibration/mapping-issues"), when there was one. */
  code?: string;
  lines: string[];
}

export function useAction() {
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const run = useCallback(async <T,>(action: () => Promise<Result<T>>, describe?: (error: AppError) => string[]): Promise<T | null> => {
    setBusy(true);
    setFeedback(null);
    try {
      const r = await action();
      if (!r.ok) {
        setFeedback({ tone: 'error', code: r.error.code, lines: describe?.(r.error) ?? [r.error.message] });
        return null;
      }
      return r.value;
    } finally {
      setBusy(false);
    }
  }, []);
  const warn = useCallback((lines: string[]) => setFeedback(lines.length ? { tone: 'warning', lines } : null), []);
  return { busy, feedback, run, warn, clear: () => setFeedback(null) };
}

export type Action = ReturnType<typeof useAction>;

/** "colour.gamma: 3 → 2.5 (0.5–2.5)" for each clamped value. */
export function clampLines(notes: readonly ClampNote[], format: (note: ClampNote) => string): string[] {
  return notes.map(format);
}
