import type { ProfileFile, ProfileSummary } from '../../../common/calibration/profile.js';
import type { Calibration } from '../../../common/calibration/schema.js';
import type { Result } from '../../../common/result.js';

// What the technician commands need from outside the core: the database's profile table.

export interface StoredProfile {
  summary: ProfileSummary;
  file: ProfileFile;
}

export interface ProfileStore {
  list(wallId: string): ProfileSummary[];
  /** Save under `name`; a profile of the same wall and name is replaced (it keeps its id). */
  save(wallId: string, name: string, calibration: Calibration): Result<ProfileSummary>;
  get(id: string): StoredProfile | null;
  /** false when there was no such profile. */
  remove(id: string): boolean;
}
