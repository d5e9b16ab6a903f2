import type { InvokeRequest } from '../../../common/contract.js';
import { fail, ok } from '../../../common/result.js';
import type { ConsoleAuth } from '../auth/console-auth.js';
import { validateLayout } from '../config-loader.js';
import type { CoreHandlers } from '../core-handlers.js';
import type { WallCore } from '../wall-core.js';
import type { LibraryTable } from './library-table.js';

// The console's scenario library: a scenario must fit this wall to be kept.
export function libraryHandlers(core: WallCore, library: LibraryTable, auth: ConsoleAuth): CoreHandlers {
  const unknown = (id: string) => fail('scenario/unknown', `no scenario "${id}" in this console's library`);
  return {
    'scenarioLibrary:list': () => ok(library.list(core.state.wall.id)),
    'scenarioLibrary:get': (_c, req: InvokeRequest<'scenarioLibrary:get'>) => {
      const found = library.get(req.scenarioId);
      return found ? ok(found) : unknown(req.scenarioId);
    },
    'scenarioLibrary:save': (client, req: InvokeRequest<'scenarioLibrary:save'>) => {
      const fits = validateLayout(req.scenario.layout, core.state.wall);
      if (!fits.ok) return fail('scenario/invalid', `the scenario's layout does not fit this wall: ${fits.error.message}`);
      const saved = library.save(req.scenario, req.expectedRevision, auth.sessionOf(client)?.username ?? client.id);
      return saved.ok ? ok({ revision: saved.value }) : saved;
    },
    'scenarioLibrary:remove': (_c, req: InvokeRequest<'scenarioLibrary:remove'>) =>
      library.remove(req.scenarioId) ? ok(null) : unknown(req.scenarioId),
    'scenarioLibrary:publish': (client, req: InvokeRequest<'scenarioLibrary:publish'>) => {
      const found = library.get(req.scenarioId);
      return found ? core.publishScenario(client, found.scenario) : unknown(req.scenarioId);
    },
  };
}
