import { useCallback, useState } from 'react';
import type { AppError, Result } from '../../../common/result.js';
import { useSessionStore } from '../auth/session-context.js';

/** Run bridge calls one at a time: busy while waiting, the last refusal kept, a lost session noticed. */
export function useCommand() {
  const session = useSessionStore();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const run = useCallback(
    async <T,>(call: () => Promise<Result<T>>): Promise<Result<T>> => {
      setBusy(true);
      setError(null);
      const result = session.check(await call());
      setBusy(false);
      if (!result.ok) setError(result.error);
      return result;
    },
    [session],
  );
  return { busy, error, setError, run };
}
