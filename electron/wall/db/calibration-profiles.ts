import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { ProfileFileSchema, profileFile, type ProfileSummary } from '../../../common/calibration/profile.js';
import type { Calibration } from '../../../common/calibration/schema.js';
import { fail, ok, type Result } from '../../../common/result.js';
import type { ProfileStore, StoredProfile } from '../technician/ports.js';
import type { DbEmitter } from './events.js';
import type { Logger } from '../../../node-common/db/logger.js';
import { readJson } from '../../../node-common/db/read-json.js';

// Calibration profiles, one row each, holding the same JSON a technician exports. Saving under a name
// the wall already has replaces that profile in place (same id), as a technician expects of "save".

interface ProfileRow {
  id: string;
  wall_id: string;
  name: string;
  profile_json: string;
  created_at: number;
  updated_at: number;
}

export type CalibrationProfilesTable = ProfileStore;

export function calibrationProfilesTable(db: Database.Database, emitter: DbEmitter, logger: Logger, now: () => number): CalibrationProfilesTable {
  const s = {
    byName: db.prepare<[string, string], { id: string }>('SELECT id FROM calibration_profiles WHERE wall_id = ? AND name = ?'),
    insert: db.prepare<{ id: string; wallId: string; name: string; json: string; now: number }>(
      `INSERT INTO calibration_profiles (id, wall_id, name, profile_json, created_at, updated_at)
       VALUES (@id, @wallId, @name, @json, @now, @now)`,
    ),
    update: db.prepare<{ id: string; json: string; now: number }>('UPDATE calibration_profiles SET profile_json = @json, updated_at = @now WHERE id = @id'),
    get: db.prepare<[string], ProfileRow>('SELECT * FROM calibration_profiles WHERE id = ?'),
    listForWall: db.prepare<[string], ProfileRow>('SELECT * FROM calibration_profiles WHERE wall_id = ? ORDER BY name, id'),
    remove: db.prepare<[string]>('DELETE FROM calibration_profiles WHERE id = ?'),
    wallExists: db.prepare<[string], { found: 1 }>('SELECT 1 AS found FROM walls WHERE id = ?'),
  };

  const fromRow = (row: ProfileRow): StoredProfile | null => {
    const file = readJson(ProfileFileSchema, row.profile_json, `calibration_profiles row "${row.id}"`, logger);
    if (!file) return null;
    const summary: ProfileSummary = { id: row.id, name: row.name, wallId: row.wall_id, createdAt: row.created_at, updatedAt: row.updated_at, screens: Object.keys(file.calibration.screens).length };
    return { summary, file };
  };

  const saveTx = db.transaction((wallId: string, name: string, calibration: Calibration): Result<string> => {
    if (!s.wallExists.get(wallId)) return fail('profiles/unknown-wall', `wall "${wallId}" is not saved in the database; restart Toàn Cảnh with its wall file`);
    const at = now();
    const json = JSON.stringify(profileFile(wallId, name, calibration, new Date(at)));
    const existing = s.byName.get(wallId, name);
    if (existing) {
      s.update.run({ id: existing.id, json, now: at });
      return ok(existing.id);
    }
    const id = randomUUID();
    s.insert.run({ id, wallId, name, json, now: at });
    return ok(id);
  });

  return {
    list: (wallId) => s.listForWall.all(wallId).flatMap((row) => fromRow(row)?.summary ?? []),
    save(wallId, name, calibration) {
      const saved = saveTx.immediate(wallId, name.trim(), calibration);
      if (!saved.ok) return saved;
      emitter.emit('change', { table: 'calibration_profiles', id: saved.value });
      const row = s.get.get(saved.value);
      const stored = row ? fromRow(row) : null;
      return stored ? ok(stored.summary) : fail('profiles/unreadable', `profile "${name}" was saved but cannot be read back`);
    },
    get(id) {
      const row = s.get.get(id);
      return row ? fromRow(row) : null;
    },
    remove(id) {
      if (s.remove.run(id).changes === 0) return false;
      emitter.emit('change', { table: 'calibration_profiles', id });
      return true;
    },
  };
}
