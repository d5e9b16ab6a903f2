import type { DataEntry } from '../../common/protocol/data.js';
import type { LastShownTable } from '../wall/db/last-shown.js';
import type { Logger } from '../../node-common/log.js';
import { validateLayout } from '../startup/config-loader.js';
import type { WallCore } from '../wall/wall-core.js';

// A restart loses nothing: what the hub made the wall show (scenario, layout, revision) is saved when
// it changes, and the latest value of each data key is saved coalesced, a few seconds at most after it
// arrived, so a busy feed costs one small transaction per interval, not a write per message.
// At start the saved state is shown again at once, the data marked stale until the hub is back.

export interface LastShownKeeper {
  /** Write the data values not saved yet (also done every `flushEveryMs` and on close). */
  flush(): void;
  close(): void;
}

export function keepLastShown(o: { core: WallCore; table: LastShownTable; log: Logger; flushEveryMs?: number }): LastShownKeeper {
  const { core, table, log } = o;
  restore(core, table, log);

  const pending = new Map<string, DataEntry>();
  let timer: NodeJS.Timeout | undefined;
  const guarded = (what: string, write: () => void) => {
    try {
      write();
    } catch (err) {
      log.error(`could not save the ${what} the wall shows; it is shown again after a restart only once saved`, { error: String(err) });
    }
  };
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (!pending.size) return;
    const entries = [...pending.values()];
    pending.clear();
    guarded('data', () => table.saveData(core.state.wall.id, entries));
  };
  const stopData = core.onData((entries) => {
    for (const e of entries) pending.set(e.key, e);
    if (timer) return;
    timer = setTimeout(flush, o.flushEveryMs ?? 2000);
    timer.unref();
  });
  const stopChanges = core.onChange((state, change) => {
    if (!state.scenario || (!change.scenario && !change.layout)) return;
    const scenario = state.scenario;
    guarded('scenario', () => table.saveScenario(state.wall.id, scenario, state.layout));
  });

  return {
    flush,
    close() {
      stopData();
      stopChanges();
      flush();
    },
  };
}

function restore(core: WallCore, table: LastShownTable, log: Logger): void {
  const wall = core.state.wall;
  const saved = table.scenario(wall.id);
  let shown = null;
  if (saved) {
    const fits = validateLayout(saved.layout, wall);
    if (fits.ok) shown = { scenario: saved.scenario, layout: fits.value };
    else log.warn('the scenario shown before the restart does not fit the wall any more; not shown again', { scenario: saved.scenario.id, error: fits.error.message });
  }
  const entries = table.data(wall.id);
  if (!shown && !entries.length) return;
  core.restoreShown(shown, entries);
  log.info('shown again what the wall showed before the restart', {
    scenario: shown?.scenario.id,
    revision: shown?.scenario.revision,
    savedAt: saved?.savedAt,
    dataKeys: entries.length,
  });
}
