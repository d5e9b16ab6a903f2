import { CalibrationStateSchema, initialCalibrationState, type CalibrationState } from '../../../common/calibration/schema.js';
import { initialTechnicianState, type TechnicianState } from '../../../common/calibration/technician-state.js';
import { mappingKey } from '../../../common/calibration/mapping.js';
import { calibratedWall, fitCalibration } from '../../../common/calibration/wall.js';
import type { DetectedDisplay } from '../../../common/wall/plan.js';
import type { WallConfig } from '../../../common/wall/schema.js';
import { technicianChannels, type TechnicianChannel, type TechnicianRequest } from '../../../common/technician-contract.js';
import type { CoreClient } from '../client.js';
import type { CoreHandlers } from '../core-handlers.js';
import type { SettingsTable } from '../db/settings.js';
import type { Logger } from '../../../node-common/log.js';
import type { WallCore } from '../wall-core.js';
import { runTechnicianCommand, technicianOf } from './commands.js';
import type { ProfileStore } from './ports.js';
import { withDisplays } from './presence.js';

// Wiring the technician tools into a running core: the saved calibration at start, the channels,
// saving every applied calibration, and the displays the Electron shell sees.

const calibrationKey = (wallId: string) => `wall.${wallId}.calibration`;

/** The technician state to start with: the calibration applied last time (fitted to this wall) and the profiles. */
export function loadTechnician(settings: SettingsTable, profiles: ProfileStore | null, wall: WallConfig, log: Logger): TechnicianState {
  const saved = settings.get(calibrationKey(wall.id), CalibrationStateSchema.omit({ draft: true }));
  const state: CalibrationState = saved ? { ...saved, draft: null } : initialCalibrationState();
  const applied = fitCalibration(state.applied, wall);
  if (applied.dropped.length) log.warn('saved calibration names screens this wall no longer has; ignoring them', { screens: applied.dropped });
  const previous = state.previous && fitCalibration(state.previous, wall).calibration;
  return { ...initialTechnicianState(), calibration: { ...state, applied: applied.calibration, previous }, profiles: profiles?.list(wall.id) ?? [] };
}

export interface InstallOptions {
  profiles: ProfileStore | null;
  settings: SettingsTable | null;
  log: Logger;
  now?: () => number;
}

/** Serve the technician channels on `core`; returns the stop function. */
export function installTechnician(core: WallCore, options: InstallOptions): () => void {
  const now = options.now ?? Date.now;
  const handler =
    <C extends TechnicianChannel>(channel: C) =>
    (client: CoreClient, request: TechnicianRequest<C>) =>
      runTechnicianCommand(
        {
          state: core.state,
          actor: client.actor?.name ?? client.id,
          now: now(),
          profiles: options.profiles,
          isOnline: (id) => core.screenStatuses.some((s) => s.screenId === id && s.online),
          commit: (technician, command) => core.setTechnician(technician, { by: client.actor?.name ?? client.id, command }),
        },
        channel,
        request,
      );
  const handlers = Object.fromEntries((Object.keys(technicianChannels) as TechnicianChannel[]).map((c) => [c, handler(c)])) as CoreHandlers;
  core.addHandlers(handlers);

  // Only the applied calibration and the one before it are kept: a preview is gone after a restart.
  let saved = JSON.stringify(persisted(technicianOf(core.state)));
  return core.onChange((state, change) => {
    if (!change.technician || !options.settings) return;
    const next = JSON.stringify(persisted(technicianOf(state)));
    if (next === saved) return;
    const result = options.settings.set(calibrationKey(state.wall.id), JSON.parse(next));
    if (result.ok) saved = next;
    else options.log.error('could not save the calibration', { error: result.error.message });
  });
}

function persisted(t: TechnicianState) {
  const { draft: _draft, ...rest } = t.calibration;
  return rest;
}

/** Call `listener` when a confirmed (or undone) calibration maps screens to other displays. */
export function onAppliedMappingChange(core: WallCore, listener: () => void): () => void {
  const key = (state: WallCore['state']) => mappingKey(calibratedWall(state.wall, state.technician?.calibration.applied));
  let last = key(core.state);
  return core.onChange((state, change) => {
    if (!change.technician) return;
    const now = key(state);
    if (now === last) return;
    last = now;
    listener();
  });
}

/** The shell's displays reach the core here (plain data, no Electron types). */
export function publishDisplays(core: WallCore, displays: readonly DetectedDisplay[] | null): void {
  const next = withDisplays(technicianOf(core.state), displays);
  if (next) core.setTechnician(next, { by: 'shell', command: 'displays:detected' });
}
