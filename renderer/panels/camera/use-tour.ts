import { useEffect, useState } from 'react';
import { useStableJson } from '../../ui/use-stable-json.js';
import { tourIndex, tourRemainingMs, type CameraTour } from '../../../common/panels/camera.js';

/** The tour's camera on now, moving on at each dwell boundary of the clock (so every screen turns together). */
export function useTourIndex(given: CameraTour | undefined): number {
  const tour = useStableJson(given ?? null) ?? undefined;
  const [index, setIndex] = useState(() => (tour ? tourIndex(tour, Date.now()) : 0));
  useEffect(() => {
    if (!tour) return;
    let timer: ReturnType<typeof setTimeout>;
    const next = () => {
      setIndex(tourIndex(tour, Date.now()));
      // A few ms past the boundary, so the index read is the new one.
      timer = setTimeout(next, tourRemainingMs(tour, Date.now()) + 5);
    };
    next();
    return () => clearTimeout(timer);
  }, [tour]);
  return tour ? index % tour.cameras.length : 0;
}
