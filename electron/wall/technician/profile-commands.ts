import { fitProblems, formatProblems, parseProfileText } from '../../../common/calibration/profile.js';
import type { TechnicianState } from '../../../common/calibration/technician-state.js';
import { fail, ok, type Result } from '../../../common/result.js';
import type { TechnicianRequest } from '../../../common/technician-contract.js';
import type { TechnicianContext } from './context.js';

// Profiles (saved in the database, exported and imported as files) and browser pages waiting for a
// wall position. A profile is never applied directly: it becomes the draft, previewed, then confirmed.

export type ProfileChannel = 'profiles:save' | 'profiles:load' | 'profiles:remove' | 'profiles:export' | 'profiles:import' | 'pages:assign';

const noStore = () => fail('profiles/unavailable', 'calibration profiles need the database, which this host does not have');

export function runProfileCommand(ctx: TechnicianContext, t: TechnicianState, channel: ProfileChannel, request: unknown): Result<unknown> {
  const wall = ctx.state.wall;
  const commit = (next: Partial<TechnicianState>) => ctx.commit({ ...t, ...next }, channel);
  const store = ctx.profiles;

  switch (channel) {
    case 'profiles:save': {
      if (!store) return noStore();
      const { name } = request as TechnicianRequest<'profiles:save'>;
      const saved = store.save(wall.id, name, t.calibration.applied);
      if (!saved.ok) return saved;
      commit({ profiles: store.list(wall.id) });
      return ok(saved.value);
    }
    case 'profiles:load': {
      if (!store) return noStore();
      const { id } = request as TechnicianRequest<'profiles:load'>;
      const found = store.get(id);
      if (!found) return fail('profiles/not-found', `no calibration profile "${id}"; it may have been removed`);
      const problems = fitProblems(found.file, wall);
      if (problems.length) return fail('profiles/does-not-fit', `profile "${found.summary.name}" does not fit this wall: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
      const revision = commit({ calibration: { ...t.calibration, draft: found.file.calibration } });
      return ok(revision);
    }
    case 'profiles:remove': {
      if (!store) return noStore();
      const { id } = request as TechnicianRequest<'profiles:remove'>;
      if (!store.remove(id)) return fail('profiles/not-found', `no calibration profile "${id}"`);
      return ok(commit({ profiles: store.list(wall.id) }));
    }
    case 'profiles:export': {
      if (!store) return noStore();
      const { id } = request as TechnicianRequest<'profiles:export'>;
      const found = store.get(id);
      return found ? ok(found.file) : fail('profiles/not-found', `no calibration profile "${id}"`);
    }
    case 'profiles:import': {
      const { text } = request as TechnicianRequest<'profiles:import'>;
      const parsed = parseProfileText(text, wall);
      if (!parsed.ok) return fail('profiles/invalid', formatProblems(parsed.problems));
      return ok(commit({ calibration: { ...t.calibration, draft: parsed.profile.calibration } }));
    }
    case 'pages:assign': {
      const { code, screenId, replace } = request as TechnicianRequest<'pages:assign'>;
      if (!wall.screens.some((s) => s.id === screenId)) return fail('unknown-screen', `wall "${wall.id}" has no screen "${screenId}"`);
      const page = t.pendingPages.find((p) => p.code === code);
      if (!page) return fail('pages/unknown-code', `no page is waiting with code ${code}; open /screen on the browser again`);
      if (ctx.isOnline(screenId) && !replace) {
        return fail('pages/position-taken', `${screenId} already has a page showing it; assigning this one too makes two pages show ${screenId}`);
      }
      const pendingPages = t.pendingPages.map((p) => (p.code === code ? { ...p, assignedTo: screenId } : p));
      return ok(commit({ pendingPages }));
    }
  }
}
