import type { InvokeRequest } from '../../../common/contract.js';
import { fail, ok } from '../../../common/result.js';
import type { ConsoleAuth } from '../auth/console-auth.js';
import { signedIn } from '../auth/signed-in.js';
import { validateLayout } from '../../startup/config-loader.js';
import type { CoreHandlers } from '../core-handlers.js';
import type { WallCore } from '../wall-core.js';
import type { LibraryTable } from './library-table.js';
import type { ScenarioDraftsTable } from '../db/drafts.js';

// The console's scenario library and each person's drafts: a scenario must fit this wall to be kept.
export function libraryHandlers(core: WallCore, library: LibraryTable, drafts: ScenarioDraftsTable, auth: ConsoleAuth): CoreHandlers {
  const unknown = (id: string) => fail('scenario/unknown', `no scenario "${id}" in this console's library`);
  const asUser = signedIn(auth);
  return {
    'scenarioLibrary:list': () => ok(library.list(core.state.wall.id)),
    'scenarioLibrary:get': (_c, req: InvokeRequest<'scenarioLibrary:get'>) => {
      const found = library.get(req.scenarioId);
      return found ? ok(found) : unknown(req.scenarioId);
    },
    'scenarioLibrary:save': (client, req: InvokeRequest<'scenarioLibrary:save'>) => {
      const fits = validateLayout(req.scenario.layout, core.state.wall);
      if (!fits.ok) return fail('scenario/invalid', `the scenario's layout does not fit this wall: ${fits.error.message}`);
      const username = auth.sessionOf(client)?.username;
      const saved = library.save(req.scenario, req.expectedRevision, username ?? client.id);
      if (!saved.ok) return saved;
      if (username) drafts.discard(username, req.scenario.id);
      return ok({ revision: saved.value });
    },
    'scenarioDrafts:list': (client) => asUser(client, (u) => ok(drafts.list(u, core.state.wall.id))),
    'scenarioDrafts:get': (client, req: InvokeRequest<'scenarioDrafts:get'>) => asUser(client, (u) => ok(drafts.get(u, req.scenarioId))),
    'scenarioDrafts:save': (client, req: InvokeRequest<'scenarioDrafts:save'>) => {
      const wallId = core.state.wall.id;
      if (req.scenario.layout.wallId !== wallId) return fail('scenario/invalid', `the draft is for wall "${req.scenario.layout.wallId}", not "${wallId}"`);
      return asUser(client, (u) => (drafts.save(u, req.scenario, req.baseRevision), ok(null)));
    },
    'scenarioDrafts:discard': (client, req: InvokeRequest<'scenarioDrafts:discard'>) => asUser(client, (u) => (drafts.discard(u, req.scenarioId), ok(null))),
    'scenarioLibrary:remove': (_c, req: InvokeRequest<'scenarioLibrary:remove'>) =>
      library.remove(req.scenarioId) ? ok(null) : unknown(req.scenarioId),
    'scenarioLibrary:publish': (client, req: InvokeRequest<'scenarioLibrary:publish'>) => {
      const found = library.get(req.scenarioId);
      return found ? core.publishScenario(client, found.scenario) : unknown(req.scenarioId);
    },
  };
}
