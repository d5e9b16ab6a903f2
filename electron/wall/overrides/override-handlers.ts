import type { InvokeRequest } from '../../../common/contract.js';
import {
  cameraSourceOf,
  MAX_OVERRIDES,
  newTileRect,
  overrideFits,
  screenRect,
  type Override,
  type OverrideRequest,
} from '../../../common/overrides.js';
import { CAMERA_CATALOGUE_KEY, type CameraEntry } from '../../../common/protocol/data.js';
import { failWith, ok, type Result } from '../../../common/result.js';
import { wallCanvas } from '../../../common/wall/geometry.js';
import type { AuditTable } from '../../../node-common/audit/audit-table.js';
import type { Logger } from '../../../node-common/log.js';
import type { ConsoleAuth } from '../auth/console-auth.js';
import type { CoreClient } from '../client.js';
import type { CoreHandlers } from '../core-handlers.js';
import type { WallCore } from '../wall-core.js';

// Cameras put on the wall by hand: resolved in the hub's catalogue, checked against the layout on the
// wall, committed as one patch each. An enlarged camera leaves by itself when its time is up (logged).

export interface OverrideService {
  handlers: CoreHandlers;
  close(): void;
}

export function installOverrides(core: WallCore, auth: ConsoleAuth, audit: AuditTable, log: Logger, now: () => number = Date.now): OverrideService {
  let counter = 0;
  let timer: NodeJS.Timeout | null = null;
  const list = (): Override[] => core.state.overrides ?? [];
  const who = (client: CoreClient) => auth.sessionOf(client)?.username ?? client.id;

  const catalogue = (): CameraEntry[] => {
    const entry = core.dataCache.get(CAMERA_CATALOGUE_KEY);
    return entry?.value.type === 'cameras' ? entry.value.items : [];
  };
  const camera = (id: string): Result<CameraEntry> => {
    const found = catalogue().find((c) => c.id === id);
    return found ? ok(found) : failWith('camera/unknown', `no camera "${id}" in the hub's catalogue`, { cameraId: id });
  };

  const build = (req: OverrideRequest, by: string): Result<Override> => {
    const id = `o${now().toString(36)}${(counter++).toString(36)}`;
    const at = now();
    const panelId = `tam-${id}`;
    const canvas = () => wallCanvas(core.state.wall, { bezelCompensation: core.state.wall.bezelCompensation });
    switch (req.action) {
      case 'place': {
        const c = camera(req.cameraId);
        return c.ok ? ok({ kind: 'place', id, by, at, panelId: req.panelId, cell: req.cell, camera: cameraSourceOf(c.value) }) : c;
      }
      case 'add': {
        const c = camera(req.cameraId);
        if (!c.ok) return c;
        const rect = newTileRect(canvas(), req.x, req.y);
        return rect ? ok({ kind: 'add', id, by, at, panelId, rect, camera: cameraSourceOf(c.value) }) : failWith('overrides/outside', `(${Math.round(req.x)}, ${Math.round(req.y)}) is on no screen of the wall`, {});
      }
      case 'enlarge': {
        const c = camera(req.cameraId);
        if (!c.ok) return c;
        const rect = 'rect' in req.target ? req.target.rect : screenRect(canvas(), req.target.screenId);
        if (!rect) return failWith('overrides/no-screen', `no screen "${'screenId' in req.target ? req.target.screenId : ''}" on this wall`, { screenId: 'screenId' in req.target ? req.target.screenId : '' });
        return ok({ kind: 'enlarge', id, by, at, panelId, rect, camera: cameraSourceOf(c.value), until: at + req.seconds * 1000 });
      }
      case 'tour': {
        const cameras = [];
        for (const cameraId of req.cameraIds) {
          const c = camera(cameraId);
          if (!c.ok) return c;
          cameras.push(cameraSourceOf(c.value));
        }
        if (new Set(req.cameraIds).size !== req.cameraIds.length) return failWith('overrides/tour-repeats', 'a tour lists each camera once', {});
        return ok({ kind: 'tour', id, by, at, panelId: req.panelId, tour: { cameras, dwellSeconds: req.dwellSeconds } });
      }
    }
  };

  const set = (overrides: Override[], by: string, command: string): number => {
    const revision = core.setOverrides(overrides, { by, command });
    schedule();
    return revision;
  };

  // One timer for the enlarged camera due first; it is set again after every change.
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    const next = Math.min(...list().flatMap((o) => (o.kind === 'enlarge' ? [o.until] : [])));
    if (!Number.isFinite(next)) return;
    timer = setTimeout(expire, Math.max(0, next - now()));
    timer.unref();
  };
  const expire = () => {
    const t = now();
    const gone = list().filter((o) => o.kind === 'enlarge' && o.until <= t);
    if (!gone.length) return schedule();
    const revision = set(list().filter((o) => !gone.includes(o)), 'core', 'overrides:expire');
    for (const o of gone) {
      log.info('enlarged camera back off the wall', { overrideId: o.id, panelId: o.panelId });
      audit.append({ actor: 'core', role: 'system', action: 'overrides:expired', target: o.kind === 'enlarge' ? o.camera.id : o.id, detail: JSON.stringify({ overrideId: o.id, by: o.by }), origin: 'core', ok: true, result: `ok: revision ${revision}` });
    }
  };
  // A scenario switch or another layout clears them too: the timer follows.
  const stop = core.onChange((_state, change) => {
    if ('overrides' in change) schedule();
  });

  const handlers: CoreHandlers = {
    'overrides:apply': (client, req: InvokeRequest<'overrides:apply'>) => {
      const built = build(req, who(client));
      if (!built.ok) return built;
      if (list().length >= MAX_OVERRIDES) return failWith('overrides/too-many', `at most ${MAX_OVERRIDES} cameras can be put on the wall by hand; undo some or clear them`, { max: MAX_OVERRIDES });
      if (!overrideFits(core.state.layout, list(), built.value)) {
        const panelId = 'panelId' in req ? req.panelId : '';
        return failWith('overrides/no-target', `panel "${panelId}" is not a camera tile with that cell on the wall's layout`, { panelId });
      }
      return ok(set([...list(), built.value], who(client), 'overrides:apply'));
    },
    'overrides:undo': (client) => {
      const all = list();
      if (!all.length) return failWith('overrides/none', 'nothing to undo: the wall shows its layout as saved', {});
      return ok(set(all.slice(0, -1), who(client), 'overrides:undo'));
    },
    'overrides:remove': (client, req: InvokeRequest<'overrides:remove'>) => {
      const all = list();
      if (!all.some((o) => o.id === req.overrideId)) return failWith('overrides/unknown', `no override "${req.overrideId}" on the wall`, {});
      return ok(set(all.filter((o) => o.id !== req.overrideId), who(client), 'overrides:remove'));
    },
    'overrides:clear': (client) => ok(list().length ? set([], who(client), 'overrides:clear') : core.state.revision),
  };

  return {
    handlers,
    close: () => {
      stop();
      if (timer) clearTimeout(timer);
    },
  };
}
