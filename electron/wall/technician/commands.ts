import { checkMapping, mappingKey } from '../../../common/calibration/mapping.js';
import type { Calibration } from '../../../common/calibration/schema.js';
import { initialTechnicianState, type TechnicianState } from '../../../common/calibration/technician-state.js';
import { calibratedWall } from '../../../common/calibration/wall.js';
import { fail, ok, type Result } from '../../../common/result.js';
import type { WallState } from '../../../common/state.js';
import type { TechnicianChannel, TechnicianRequest } from '../../../common/technician-contract.js';
import { runProfileCommand, type ProfileChannel } from './profile-commands.js';
import { clampPatch, patchScreen, resetScreen, updateScreens } from './reducers.js';
import type { TechnicianContext } from './context.js';

// The technician's commands: check, reduce, commit one `technician` change. The audit log records
// each call (WallCore's gate); the state log line names the command.

export const technicianOf = (state: WallState): TechnicianState => state.technician ?? initialTechnicianState();

export function runTechnicianCommand<C extends TechnicianChannel>(ctx: TechnicianContext, channel: C, request: TechnicianRequest<C>): Result<unknown> {
  const t = technicianOf(ctx.state);
  const wall = ctx.state.wall;
  const known = (id: string | null) => id === null || wall.screens.some((s) => s.id === id);
  const unknown = (id: string) => fail('unknown-screen', `wall "${wall.id}" has no screen "${id}" (screens: ${wall.screens.map((s) => s.id).join(', ')})`);
  const commit = (next: Partial<TechnicianState>) => ctx.commit({ ...t, ...next }, channel);
  const draftOf = (): Calibration => t.calibration.draft ?? t.calibration.applied;
  const withDraft = (draft: Calibration | null) => commit({ calibration: { ...t.calibration, draft } });

  switch (channel) {
    case 'tech:selectScreen': {
      const { screenId } = request as TechnicianRequest<'tech:selectScreen'>;
      return known(screenId) ? ok(commit({ selectedScreenId: screenId })) : unknown(screenId ?? '');
    }
    case 'tech:setTestPattern': {
      const { testPattern } = request as TechnicianRequest<'tech:setTestPattern'>;
      if (testPattern && !known(testPattern.screenId)) return unknown(testPattern.screenId ?? '');
      return ok(commit({ testPattern }));
    }
    case 'calibration:set': {
      const { screenId, set } = request as TechnicianRequest<'calibration:set'>;
      if (!known(screenId)) return unknown(screenId ?? '');
      if (set.displayId !== undefined && set.displayId !== null && screenId === null) return fail('calibration/one-screen', 'a display is mapped to one screen at a time; choose the screen');
      const { patch, clamped } = clampPatch(set, screenId ?? 'wall');
      const revision = withDraft(updateScreens(draftOf(), wall, screenId, (cur, s) => patchScreen(cur, s, patch)));
      return ok({ revision, clamped });
    }
    case 'calibration:reset': {
      const { screenId, parts } = request as TechnicianRequest<'calibration:reset'>;
      if (!known(screenId)) return unknown(screenId ?? '');
      const revision = withDraft(updateScreens(draftOf(), wall, screenId, (cur) => resetScreen(cur, parts)));
      return ok(revision);
    }
    case 'calibration:confirm': {
      const draft = t.calibration.draft;
      if (!draft) return fail('calibration/no-draft', 'nothing to apply: no calibration is being previewed');
      const { acceptIssues } = request as TechnicianRequest<'calibration:confirm'>;
      const planned = calibratedWall(wall, draft);
      if (mappingKey(planned) !== mappingKey(calibratedWall(wall, t.calibration.applied))) {
        const errors = checkMapping(planned, t.displays).issues.filter((i) => i.severity === 'error');
        if (errors.length && !acceptIssues) {
          return fail('calibration/mapping-issues', `the display mapping has problems: ${errors.map((e) => e.message).join('; ')}. Fix them, or apply anyway.`);
        }
      }
      const revision = commit({ calibration: { applied: draft, draft: null, previous: t.calibration.applied, appliedBy: ctx.actor, appliedAt: ctx.now } });
      return ok(revision);
    }
    case 'calibration:cancel': {
      if (!t.calibration.draft) return ok(ctx.state.revision);
      return ok(withDraft(null));
    }
    case 'calibration:undo': {
      const previous = t.calibration.previous;
      if (!previous) return fail('calibration/nothing-to-undo', 'there is no earlier calibration to go back to');
      const revision = commit({ calibration: { applied: previous, draft: null, previous: null, appliedBy: ctx.actor, appliedAt: ctx.now } });
      return ok(revision);
    }
    default:
      return runProfileCommand(ctx, t, channel as ProfileChannel, request);
  }
}
