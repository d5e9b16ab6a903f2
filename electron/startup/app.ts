import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { LanguageSchema, type WallState } from '../../common/state.js';
import type { Layout } from '../../common/wall/layout-schema.js';
import type { WallConfig } from '../../common/wall/schema.js';
import { loadLayoutFile, loadWallFile, validateLayout, watchConfigFile } from './config-loader.js';
import { installConsoleServices, type ConsoleServiceOptions } from '../wall/console-services.js';
import { openDatabase, type AppDatabase } from '../wall/db/open.js';
import { BackupSchedule, type BackupPlan } from '../../node-common/db/backup.js';
import type { Logger } from '../../node-common/log.js';
import { anchorTable } from '../../node-common/audit/anchor.js';
import { installTechnician, loadTechnician } from '../wall/technician/install.js';
import { WallCore } from '../wall/wall-core.js';

export interface StartAppOptions {
  wallFile: string;
  /** Default: config/layouts/<wallId>-normal.json beside the walls folder, else the last saved one. */
  layoutFile?: string;
  dbFile: string;
  log: Logger;
  /** Reload the wall and layout files when they change (default true). */
  watch?: boolean;
  /** Console sessions (idle timeout) and password hashing cost; tests make them short and cheap. */
  console?: ConsoleServiceOptions;
  /** Online backups of the database on a schedule (backupPlanFromEnv); none when omitted. */
  backups?: BackupPlan | null;
}

export interface RunningApp {
  core: WallCore;
  db: AppDatabase;
  close(): Promise<void>;
}

/** Raised when the app cannot start at all; the message says what to fix. */
export class StartupError extends Error {}

const settingKeys = {
  lastWall: 'wall.last',
  language: 'ui.language',
  compensation: (wallId: string) => `wall.${wallId}.bezelCompensation`,
  activeLayout: (wallId: string) => `wall.${wallId}.activeLayout`,
  // Which wall and layout a file last held when it was good: a bad file falls back only to its own last good version.
  wallOfFile: (file: string) => `file.${path.resolve(file)}.wall`,
  layoutOfFile: (file: string) => `file.${path.resolve(file)}.layout`,
};

type Problem = { code: string; message: string; where?: string };

/**
 * Load the wall, open the database and start the core. A bad wall or layout file falls back to the
 * last good version of the same file stored in the database (said in the log and on the console), so
 * a typo never blanks the wall; with no such version the start stops, naming file, field and reason.
 */
export async function startApp(options: StartAppOptions): Promise<RunningApp> {
  const log = options.log;
  const opened = openDatabase(options.dbFile, { logger: log.child('db') });
  if (!opened.ok) throw new StartupError(opened.error.message);
  const db = opened.value;

  try {
    const loaded = loadWallFile(options.wallFile);
    let wall: WallConfig;
    const problems: Problem[] = [];
    if (loaded.ok) {
      wall = loaded.value;
      db.settings.set(settingKeys.wallOfFile(options.wallFile), wall.id);
    } else {
      const lastId = db.settings.get(settingKeys.wallOfFile(options.wallFile), z.string());
      const last = lastId ? db.walls.get(lastId) : null;
      if (!last) throw new StartupError(`${loaded.error.message}\n(no earlier good version of this wall file in ${db.file} to fall back on: fix the file and start again)`);
      log.warn('wall file is bad; showing its last good version from the database', { error: loaded.error.message, wall: last.id });
      wall = last;
      problems.push(loaded.error);
    }
    const saved = db.walls.upsert(wall);
    if (!saved.ok) log.warn('could not save the wall', { error: saved.error.message });
    db.settings.set(settingKeys.lastWall, wall.id);

    const layoutFile = options.layoutFile ?? defaultLayoutFile(options.wallFile, wall.id);
    const layout = pickLayout(db, wall, layoutFile, log, problems);
    const compensation = db.settings.get(settingKeys.compensation(wall.id), z.boolean());
    const language = db.settings.get(settingKeys.language, LanguageSchema) ?? 'vi';

    const technician = loadTechnician(db.settings, db.calibrationProfiles, wall, log.child('calibration'));
    const core = new WallCore({
      wall: compensation === null ? wall : { ...wall, bezelCompensation: compensation },
      technician,
      layout,
      language,
      log: log.child('core'),
      onCommit: (state, change) => persist(db, state, change),
      dbFile: db.file,
    });
    for (const p of problems) core.reportProblem(p);
    const services = installConsoleServices(core, db, log.child('auth'), options.console);
    const stopTechnician = installTechnician(core, { profiles: db.calibrationProfiles, settings: db.settings, log: log.child('calibration') });

    const stops = options.watch === false ? [] : watchFiles(core, db, options.wallFile, layoutFile, log);
    const anchor = anchorTable(db.audit, log.child('audit'));
    const backups = options.backups ? new BackupSchedule(db.backupSource, { ...options.backups, log: log.child('backup') }) : null;
    log.info('app started', { wall: wall.id, screens: wall.screens.length, layout: layout.id, db: db.file });
    return {
      core,
      db,
      close: async () => {
        for (const stop of stops) stop();
        await backups?.close();
        services.close();
        await anchor?.close();
        stopTechnician();
        db.close();
      },
    };
  } catch (err) {
    db.close();
    throw err;
  }
}

function defaultLayoutFile(wallFile: string, wallId: string): string | undefined {
  const candidate = path.resolve(path.dirname(wallFile), '..', 'layouts', `${wallId}-normal.json`);
  return fs.existsSync(candidate) ? candidate : undefined;
}

/**
 * The layout file when it is good (and saved); a bad one's last good version; with no file, the layout
 * last active in the database, else an empty one. A bad file with no good version stops the start.
 */
function pickLayout(db: AppDatabase, wall: WallConfig, file: string | undefined, log: Logger, problems: Problem[]): Layout {
  if (file) {
    const loaded = loadLayoutFile(file, wall);
    if (loaded.ok) {
      const saved = db.layouts.save(loaded.value);
      if (!saved.ok) log.warn('could not save the layout', { error: saved.error.message });
      db.settings.set(settingKeys.activeLayout(wall.id), loaded.value.id);
      db.settings.set(settingKeys.layoutOfFile(file), loaded.value.id);
      return loaded.value;
    }
    const lastId = db.settings.get(settingKeys.layoutOfFile(file), z.string());
    const last = lastId ? db.layouts.get(lastId) : null;
    const checked = last ? validateLayout(last.layout, wall) : null;
    if (!checked?.ok) throw new StartupError(`${loaded.error.message}\n(no earlier good version of this layout file in ${db.file} to fall back on: fix the file and start again)`);
    log.warn('layout file is bad; showing its last good version from the database', { error: loaded.error.message, layout: checked.value.id });
    problems.push(loaded.error);
    return checked.value;
  }
  const activeId = db.settings.get(settingKeys.activeLayout(wall.id), z.string());
  const stored = (activeId ? db.layouts.get(activeId) : null) ?? db.layouts.listForWall(wall.id)[0] ?? null;
  if (stored) {
    const checked = validateLayout(stored.layout, wall);
    if (checked.ok) return checked.value;
  }
  return { schemaVersion: 1, id: `${wall.id}-empty`, name: 'Bố cục trống', wallId: wall.id, panels: [] };
}

function persist(db: AppDatabase, state: WallState, change: Partial<WallState>): void {
  if (change.language) db.settings.set(settingKeys.language, change.language);
  if (change.wall) db.settings.set(settingKeys.compensation(state.wall.id), state.wall.bezelCompensation);
}

/** A good edit replaces the wall on every screen; a bad one is reported and the last good wall stays. */
function watchFiles(core: WallCore, db: AppDatabase, wallFile: string, layoutFile: string | undefined, log: Logger): Array<() => void> {
  const reload = (): void => {
    const wall = loadWallFile(wallFile);
    if (!wall.ok) {
      log.warn('wall file edit refused; keeping the last good wall', { error: wall.error.message });
      core.reportProblem(wall.error);
      return;
    }
    // While a scenario is active its layout stays: the file is the normal layout, not the scenario's.
    const fromFile = layoutFile && !core.state.scenario ? layoutFile : null;
    const layout = fromFile ? loadLayoutFile(fromFile, wall.value) : validateLayout(core.state.layout, wall.value);
    if (!layout.ok) {
      log.warn('layout does not fit the edited wall; keeping the last good wall', { error: layout.error.message });
      core.reportProblem(layout.error);
      return;
    }
    // An edited file is the technician's latest word: its bezelCompensation replaces the console's toggle.
    db.settings.set(settingKeys.compensation(wall.value.id), wall.value.bezelCompensation);
    db.walls.upsert(wall.value);
    if (fromFile) db.layouts.save(layout.value);
    core.replaceWall(wall.value, layout.value);
    log.info('config reloaded', { wall: wall.value.id, layout: layout.value.id });
  };
  const stops = [watchConfigFile(wallFile, () => reload())];
  if (layoutFile) stops.push(watchConfigFile(layoutFile, () => reload(), (f) => loadLayoutFile(f)));
  return stops;
}
