import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { WallBridge } from '../../common/contract.js';
import { LINK_LOST_CODES } from '../bridge/messages.js';
import { rehearsalPlan, type Rehearsal } from '../../common/rehearsal.js';
import type { WallState } from '../../common/state.js';
import type { Rect } from '../../common/wall/schema.js';

// Draws, hidden and one at a time, the maps of the scenarios this screen may be switched to (see
// common/rehearsal.ts), so their Decks, shaders and layers are warm before the first real switch. Each
// rehearsal ends once its maps have drawn a frame; the host it used goes back to the screen's pool.

const POLL_MS = 250;
const GIVE_UP_MS = 60_000;
const ATTEMPTS = 4;
const RETRY_MS = 2000;

interface Props {
  bridge: WallBridge;
  /** This screen's part of the wall canvas. */
  screen: Rect;
  /** What the screen shows: the rehearsal borrows its wall, calibration and language. */
  base: WallState;
  /** A switch is being prepared or swapped: rehearsals wait, the switch has the CPU. */
  busy: boolean;
  children: (state: WallState) => ReactNode;
}

export function Rehearsals({ bridge, screen, base, busy, children }: Props) {
  const [plan, setPlan] = useState<Rehearsal[] | null>(null);
  const [done, setDone] = useState(0);
  const layer = useRef<HTMLDivElement>(null);
  const screenRef = useRef(screen);
  screenRef.current = screen;

  // Asked once the screen is up and idle (no deadline: the layout shown, its maps and reports, go first).
  // A lost or late answer is asked again: on a loaded PC the first ask can go unanswered.
  useEffect(() => {
    let live = true;
    let idle = 0;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const ask = (attempt: number) => {
      idle = requestIdleCallback(
        () =>
          void bridge.getScenarioLayouts().then((r) => {
            if (!live) return;
            if (r.ok) return setPlan(rehearsalPlan(r.value, screenRef.current, null));
            if (LINK_LOST_CODES.has(r.error.code) && attempt < ATTEMPTS) {
              retry = setTimeout(() => ask(attempt + 1), RETRY_MS * 2 ** (attempt - 1));
              return;
            }
            console.warn(`no rehearsal of scenario maps: ${r.error.message}${attempt > 1 ? ` (asked ${attempt} times)` : ''}`);
            setPlan([]);
          }),
      );
    };
    ask(1);
    return () => {
      live = false;
      cancelIdleCallback(idle);
      clearTimeout(retry);
    };
  }, [bridge]);

  // The scenario shown (now, not when the plan came) is warm already.
  const shownId = base.scenario?.id ?? null;
  const current = busy || !plan ? undefined : plan.slice(done).find((r) => r.scenarioId !== shownId);
  const index = current && plan ? plan.indexOf(current) : -1;

  useEffect(() => {
    if (!current) return;
    const started = performance.now();
    const timer = setInterval(() => {
      const maps = [...(layer.current?.querySelectorAll<HTMLElement>('[data-testid="map-panel"]') ?? [])];
      const drawn = maps.length > 0 && maps.every((m) => m.dataset.drawn === 'true');
      const late = performance.now() - started > GIVE_UP_MS;
      if (!drawn && !late) return;
      if (!drawn) console.warn(`rehearsal of scenario "${current.scenarioId}": its maps did not draw within ${GIVE_UP_MS / 1000} s; going on`);
      clearInterval(timer);
      setDone(index + 1);
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [current, index]);

  // For tools and benchmarks: the screen is warm for every scenario it may be switched to.
  const finished = plan !== null && plan.slice(done).every((r) => r.scenarioId === shownId);
  useEffect(() => {
    if (finished) document.documentElement.dataset.rehearsed = 'true';
  }, [finished]);

  const state = useMemo(() => (current ? { ...base, layout: current.layout, identify: false, overrides: [] } : null), [base, current]);
  if (!current || !state) return null;
  return (
    <div ref={layer} key={current.scenarioId} className="screen-layer screen-layer--hidden" aria-hidden data-layer="rehearsal" data-rehearsal={current.scenarioId}>
      {children(state)}
    </div>
  );
}
