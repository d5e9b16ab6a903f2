import { useEffect, useMemo } from 'react';
import type { WallBridge } from '../../common/contract.js';
import { startClockOffset, type ClockOffset } from '../state/clock-offset.js';

/** The page's clock estimate for as long as the page lives. */
export function useClockOffset(bridge: Pick<WallBridge, 'syncClock'>): ClockOffset {
  const clock = useMemo(() => startClockOffset(bridge), [bridge]);
  useEffect(() => () => clock.stop(), [clock]);
  return clock;
}
