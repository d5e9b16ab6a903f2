import { useEffect, useState } from 'react';
import type { Result } from '../../../common/result.js';
import { useSessionStore } from '../auth/session-context.js';

export type AutosaveState = 'idle' | 'pending' | 'saved' | 'error';
const AUTOSAVE_MS = 600;

/**
 * Writes a draft a moment after each change, so a crash or a closed window loses nothing. `write` saves
 * the current edit (memoised on it); `enabled` is false when there is nothing to keep, and while the
 * item itself is being saved: a draft written after that save would outlive it (the save drops drafts).
 */
export function useAutosave(write: () => Promise<Result<unknown>>, enabled: boolean): AutosaveState {
  const session = useSessionStore();
  const [state, setState] = useState<AutosaveState>('idle');
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    setState('pending');
    const timer = setTimeout(() => void write().then((r) => live && setState(session.check(r).ok ? 'saved' : 'error')), AUTOSAVE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [write, enabled, session]);
  return state;
}
