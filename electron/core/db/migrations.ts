// Released migrations are never edited, only appended. Each applied migration's checksum is
// recorded, and the app refuses to open a database whose applied migrations no longer match.
// Migration SQL runs inside the runner's transaction: no BEGIN/COMMIT in it.

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly up: string;
}

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
];
