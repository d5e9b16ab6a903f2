import type { InvokeRequest } from '../../../common/contract.js';
import type { LayoutInfo } from '../../../common/layout-contract.js';
import { fail, ok } from '../../../common/result.js';
import type { ConsoleAuth } from '../auth/console-auth.js';
import { signedIn } from '../auth/signed-in.js';
import type { CoreClient } from '../client.js';
import { validateLayout } from '../../startup/config-loader.js';
import type { CoreHandlers } from '../core-handlers.js';
import type { AppDatabase } from '../db/open.js';
import type { WallCore } from '../wall-core.js';
import type { DraftsTable } from '../db/drafts.js';

// Named layouts and drafts for the console's layout editor. A save is checked against the wall and
// against the revision it was based on; "apply" puts a saved layout on the wall.

/** The setting startApp reads to pick the layout at the next start. */
const activeLayoutKey = (wallId: string) => `wall.${wallId}.activeLayout`;

export function layoutHandlers(core: WallCore, db: AppDatabase, drafts: DraftsTable, auth: ConsoleAuth): CoreHandlers {
  const user = (client: CoreClient): string | null => auth.sessionOf(client)?.username ?? null;
  const asUser = signedIn(auth);
  const fits = (layout: unknown) => {
    const checked = validateLayout(layout, core.state.wall);
    return checked.ok ? checked : fail('layout/invalid', checked.error.message);
  };

  return {
    'layouts:list': () => {
      const wall = core.state.wall.id;
      const list: LayoutInfo[] = db.layouts.listForWall(wall).map((s) => ({
        id: s.layout.id,
        name: s.layout.name,
        revision: s.revision,
        updatedAt: s.updatedAt,
        panels: s.layout.panels.length,
        active: s.layout.id === core.state.layout.id,
      }));
      return ok(list);
    },
    'layouts:get': (_client, req: InvokeRequest<'layouts:get'>) => {
      const stored = db.layouts.get(req.layoutId);
      return stored ? ok({ layout: stored.layout, revision: stored.revision }) : fail('layout/unknown', `no layout "${req.layoutId}"`);
    },
    'layouts:save': (client, req: InvokeRequest<'layouts:save'>) => {
      const checked = fits(req.layout);
      if (!checked.ok) return checked;
      const saved = db.layouts.save(checked.value, req.expectedRevision);
      if (!saved.ok) return saved;
      const username = user(client);
      if (username) drafts.discard(username, req.layout.id);
      return ok({ revision: saved.value });
    },
    'layouts:remove': (_client, req: InvokeRequest<'layouts:remove'>) => {
      if (req.layoutId === core.state.layout.id) return fail('layout/active', `"${req.layoutId}" is on the wall now; apply another layout before removing it`);
      return db.layouts.remove(req.layoutId) ? ok(null) : fail('layout/unknown', `no layout "${req.layoutId}"`);
    },
    'layouts:apply': (client, req: InvokeRequest<'layouts:apply'>) => {
      const stored = db.layouts.get(req.layoutId);
      if (!stored) return fail('layout/unknown', `no layout "${req.layoutId}"`);
      const checked = fits(stored.layout);
      if (!checked.ok) return checked;
      const revision = core.setLayout(checked.value, user(client) ?? client.id);
      db.settings.set(activeLayoutKey(core.state.wall.id), checked.value.id);
      return ok(revision);
    },
    'drafts:list': (client) => asUser(client, (u) => ok(drafts.list(u))),
    'drafts:get': (client, req: InvokeRequest<'drafts:get'>) => asUser(client, (u) => ok(drafts.get(u, req.layoutId))),
    'drafts:save': (client, req: InvokeRequest<'drafts:save'>) => {
      if (req.layout.wallId !== core.state.wall.id) return fail('layout/invalid', `the draft is for wall "${req.layout.wallId}", not "${core.state.wall.id}"`);
      return asUser(client, (u) => (drafts.save(u, req.layout, req.baseRevision), ok(null)));
    },
    'drafts:discard': (client, req: InvokeRequest<'drafts:discard'>) => asUser(client, (u) => (drafts.discard(u, req.layoutId), ok(null))),
  };
}
