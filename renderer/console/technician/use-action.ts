import { useCallback, useState } from 'react';
import type { AppError, Result } from '../../../common/result.js';
import { useErrorText } from '../../i18n/use-t.js';
import { useSessionStore } from '../auth/session-context.js';

// Running one technician command from the console: busy while it runs, then what to tell the
// technician (a refusal, or the values that were moved into range).

export interface Feedback {
  tone: 'error' | 'warning';
  /** The error's code (e.g. "calibration/mapping-issues"), when there was one. */
  code?: string;
  lines: string[];
}

export function useAction() {
  const session = useSessionStore();
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const run = useCallback(async <T,>(action: () => Promise<Result<T>>, describe?: (error: AppError) => string[]): Promise<T | null> => {
    setBusy(true);
    setFeedback(null);
    try {
      // A refusal for a timed-out session signs the console out (the sign-in screen says why).
      const r = session.check(await action());
      if (!r.ok) {
        setFeedback({ tone: 'error', code: r.error.code, lines: describe?.(r.error) ?? [errorText(r.error)] });
        return null;
      }
      return r.value;
    } finally {
      setBusy(false);
    }
  }, [session, errorText]);
  const warn = useCallback((lines: string[]) => setFeedback(lines.length ? { tone: 'warning', lines } : null), []);
  return { busy, feedback, run, warn, clear: () => setFeedback(null) };
}

export type Action = ReturnType<typeof useAction>;

