import { useCallback, useEffect, useState } from 'react';
import type { ScenarioOverview } from '../../../common/scenario-view.js';
import { useBridge, useWallState } from '../../state/store-context.js';

// The hub's scenarios, open proposals and the last activation's result on each screen. Asked again
// whenever the wall's scenario or backend state changes, and every few seconds for new proposals.
const REFRESH_MS = 3000;

export function useScenarioOverview(): { overview: ScenarioOverview | null; refresh: () => void } {
  const bridge = useBridge();
  const { state } = useWallState();
  const [overview, setOverview] = useState<ScenarioOverview | null>(null);
  const refresh = useCallback(() => {
    void bridge.scenarioOverview().then((r) => r.ok && setOverview(r.value));
  }, [bridge]);
  const scenarioRevision = state?.scenario?.revision;
  const backend = state?.backend?.state;
  useEffect(() => refresh(), [refresh, scenarioRevision, backend]);
  useEffect(() => {
    const timer = setInterval(refresh, REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh]);
  return { overview, refresh };
}
