import { useEffect, useRef, useState } from 'react';

/**
 * `value`, passed on at most once per `everyMs`: the first change at once, later ones coalesced. A wall map
 * gains nothing from redrawing for every feed tick, and on a software renderer each redraw costs a lot.
 */
export function useThrottled<T>(value: T, everyMs: number): T {
  const [shown, setShown] = useState(value);
  const last = useRef(0);
  const latest = useRef(value);
  latest.current = value;
  useEffect(() => {
    if (Object.is(value, shown)) return;
    const wait = last.current + everyMs - Date.now();
    const show = () => {
      last.current = Date.now();
      setShown(latest.current);
    };
    if (wait <= 0) return show();
    const timer = setTimeout(show, wait);
    return () => clearTimeout(timer);
  }, [value, shown, everyMs]);
  return shown;
}
