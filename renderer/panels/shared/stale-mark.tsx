import type { Language } from '../../../common/state.js';
import { translate } from '../../i18n/use-t.js';
import { useWallState } from '../../state/store-context.js';
import { useNow } from '../../ui/use-now.js';
import { formatAge } from '../kpi/format-kpi.js';
import './stale-mark.css';

/**
 * While the wall shows data that are not live (kept from before a restart, the hub is away, or the
 * hub says this value's source is failing), a discreet mark with the value's age; nothing, and no
 * timer, while the data are live.
 */
export function StaleMark({ at, language, sourceFailing = false }: { at: number | null; language: Language; sourceFailing?: boolean }) {
  const stale = useWallState().state?.dataStale || sourceFailing;
  return stale && at !== null ? <StaleAge at={at} language={language} /> : null;
}

function StaleAge({ at, language }: { at: number; language: Language }) {
  const now = useNow(10_000);
  return (
    <span className="stale-mark" data-testid="data-stale" data-age-ms={Math.max(0, now - at)}>
      {translate(language, 'data.staleAge', { age: formatAge(now - at, language) })}
    </span>
  );
}
