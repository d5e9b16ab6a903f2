// Released migrations are never edited, only appended. Each applied migration's checksum is
// recorded, and the app refuses to open a database whose applied migrations no longer match.
// Migration SQL runs inside the runner's transaction: no BEGIN/COMMIT in it.

import type { Migration } from '../../../node-common/db/migrate.js';
import { AUDIT_LOG_DDL, auditKeyColumnDdl } from '../../../node-common/audit/schema.js';

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'walls-layouts-settings',
    up: `
CREATE TABLE walls (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  config_json TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE TABLE layouts (
  id TEXT PRIMARY KEY,
  wall_id TEXT NOT NULL REFERENCES walls(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  layout_json TEXT NOT NULL,
  revision INTEGER NOT NULL DEFAULT 1,
  updated_at INTEGER NOT NULL
);
CREATE INDEX layouts_wall_id ON layouts(wall_id);
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value_json TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);
`,
  },
  {
    version: 2,
    name: 'users-audit-log',
    up: `
CREATE TABLE users (
  username TEXT PRIMARY KEY,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('operator', 'leader', 'technician', 'admin')),
  password_hash TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  last_login_at INTEGER
);
${AUDIT_LOG_DDL}`,
  },
  {
    version: 3,
    name: 'calibration-profiles',
    up: `
CREATE TABLE calibration_profiles (
  id TEXT PRIMARY KEY,
  wall_id TEXT NOT NULL REFERENCES walls(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  profile_json TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (wall_id, name)
);
`,
  },
  {
    version: 4,
    name: 'layout-drafts',
    up: `
CREATE TABLE layout_drafts (
  username TEXT NOT NULL REFERENCES users(username) ON DELETE CASCADE,
  layout_id TEXT NOT NULL,
  name TEXT NOT NULL,
  layout_json TEXT NOT NULL,
  base_revision INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (username, layout_id)
);
`,
  },
  {
    version: 5,
    name: 'scenario-library',
    up: `
CREATE TABLE scenario_library (
  id TEXT PRIMARY KEY,
  wall_id TEXT NOT NULL REFERENCES walls(id) ON DELETE CASCADE,
  scenario_json TEXT NOT NULL,
  revision INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  updated_by TEXT NOT NULL
);
CREATE INDEX scenario_library_wall ON scenario_library(wall_id);
`,
  },
  {
    version: 6,
    name: 'scenario-drafts',
    up: `
CREATE TABLE scenario_drafts (
  username TEXT NOT NULL REFERENCES users(username) ON DELETE CASCADE,
  scenario_id TEXT NOT NULL,
  wall_id TEXT NOT NULL REFERENCES walls(id) ON DELETE CASCADE,
  scenario_json TEXT NOT NULL,
  base_revision INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (username, scenario_id)
);
`,
  },
  {
    version: 7,
    name: 'last-shown',
    up: `
CREATE TABLE shown_scenario (
  wall_id TEXT PRIMARY KEY REFERENCES walls(id) ON DELETE CASCADE,
  scenario_json TEXT NOT NULL,
  layout_json TEXT NOT NULL,
  revision INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE TABLE data_points (
  wall_id TEXT NOT NULL REFERENCES walls(id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  entry_json TEXT NOT NULL,
  at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (wall_id, key)
);
CREATE INDEX data_points_updated ON data_points(wall_id, updated_at);
`,
  },
  {
    // Failed sign-ins per account and per client address, so backoff survives a restart (issue 14).
    version: 8,
    name: 'login-attempts',
    up: `
CREATE TABLE login_attempts (
  key TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  next_at INTEGER NOT NULL,
  last_at INTEGER NOT NULL
);
CREATE INDEX login_attempts_last_at ON login_attempts(last_at);
`,
  },
  {
    version: 9,
    name: 'procedure-runs',
    up: `
CREATE TABLE procedure_runs (
  id TEXT PRIMARY KEY,
  wall_id TEXT NOT NULL REFERENCES walls(id) ON DELETE CASCADE,
  scenario_id TEXT NOT NULL,
  hub_revision INTEGER NOT NULL,
  started_at INTEGER NOT NULL,
  closed_at INTEGER,
  procedure_json TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX procedure_runs_wall ON procedure_runs(wall_id, closed_at);
`,
  },
  {
    // The keyed audit chain (node-common/audit/chain.ts): which key's HMAC a row carries; NULL on the
    // rows written before, which stay SHA-256 linked and verifiable.
    version: 10,
    name: 'audit-log-key-id',
    up: auditKeyColumnDdl('sqlite'),
  },
];
