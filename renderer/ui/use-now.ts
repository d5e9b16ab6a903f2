import { useEffect, useState } from 'react';

/** The time, refreshed every `everyMs` (for ages and staleness); the timer goes with the component. */
export function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
