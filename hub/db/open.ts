import Database from 'better-sqlite3';
import { z } from 'zod';
import { storedReader } from '../store/stored-json.js';
import { ActivationSchema, ScenarioSchema, type Activation, type Scenario } from '../../common/protocol/scenario.js';
import { ok, type Result } from '../../common/result.js';
import { auditTable, toEntry, type AuditTable } from '../../node-common/audit/audit-table.js';
import { anchorFileFor } from '../../node-common/audit/anchor.js';
import { auditKeyFileFor, ephemeralKeyring, loadAuditKeys } from '../../node-common/audit/audit-key.js';
import type { BackupSource } from '../../node-common/db/backup.js';
import { openError, quickCheck } from '../../node-common/db/errors.js';
import { migrate } from '../../node-common/db/migrate.js';
import { makePrivateFile } from '../../node-common/private-file.js';
import type { Logger } from '../../node-common/log.js';
import { chainOlderAuditRows, hubAuditEntry, hubAuditView, type HubAuditInput, type HubAuditView } from './hub-audit.js';
import { hubMigrations } from './migrations.js';
import { prepareHubStatements } from './statements.js';

export interface HubDatabase {
  readonly file: string;
  saveScenario(scenario: Scenario): void;
  scenario(id: string): Scenario | null;
  scenarios(): Scenario[];
  /** Walls that have had an activation (or a revision raised). */
  walls(): string[];
  revision(wallId: string): number;
  /**
   * Record an activation, move the wall's revision to it and append its audit row, in one transaction:
   * if any of them fails, none is stored. With a key, its answer is kept for repeats of the request.
   */
  recordActivation(activation: Activation, audit: HubAuditInput, idempotency?: { key: string; answer: IdempotentAnswer }): void;
  /** The first answer given to a request with this key, while it is kept (IDEMPOTENCY_KEEP_MS). */
  idempotentAnswer(key: string): IdempotentAnswer | null;
  /** Raise the wall's revision without an activation (a node reported a newer one). */
  raiseRevision(wallId: string, revision: number): void;
  latestActivation(wallId: string): Activation | null;
  previousActivation(wallId: string, beforeRevision: number, otherThan: string): Activation | null;
  /** Append to the hash-chained audit log (the same table and code as the wall node's). */
  audit(entry: HubAuditInput): void;
  /** Newest first, as GET /api/audit shows them. */
  recentAudit(limit: number): HubAuditView[];
  setting<S extends z.ZodType>(key: string, schema: S): z.output<S> | null;
  setSetting(key: string, value: unknown): void;
  /** For online backups (node-common/db/backup.ts) while the hub runs. */
  readonly backupSource: BackupSource;
  /** The keyed audit table itself, for its anchor and verification. */
  readonly auditLog: AuditTable;
  close(): void;
}

/** What a repeated activation request gets back: the first one's result, and what it asked for. */
export interface IdempotentAnswer {
  scenarioId: string;
  revision: number;
  applyAt: number;
}

/** How long a request's key is remembered: a retry comes within seconds, a day leaves room for any client. */
export const IDEMPOTENCY_KEEP_MS = 24 * 3600_000;

const IdempotentAnswerSchema = z.strictObject({ scenarioId: z.string(), revision: z.number().int(), applyAt: z.number() });

/** Open (creating and migrating) the hub database; `:memory:` keeps nothing across restarts. */
export function openHubDatabase(file: string, log: Logger, now: () => number = Date.now, auditKeyFile?: string): Result<HubDatabase> {
  const memory = file === ':memory:';
  const keys = memory ? ok(ephemeralKeyring()) : loadAuditKeys(auditKeyFile ?? auditKeyFileFor(file), true);
  if (!keys.ok) return keys;
  let db: Database.Database | undefined;
  try {
    makePrivateFile(file);
    db = new Database(file);
    db.pragma('busy_timeout = 5000');
    if (file !== ':memory:') db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    const check = quickCheck(db, file);
    if (!check.ok) {
      db.close();
      return check;
    }
    const migrated = migrate(db, hubMigrations, now);
    if (!migrated.ok) {
      db.close();
      return migrated;
    }
    const audit = auditTable(db, now, { keys: keys.value, anchorFile: memory ? null : anchorFileFor(file) });
    const chainedRows = chainOlderAuditRows(db, audit);
    if (chainedRows > 0) log.info(`chained ${chainedRows} audit row(s) written by an older hub`);
    const sealed = audit.seal();
    if (sealed) log.info(`audit log ${sealed.action} at row ${sealed.seq}`, { key: keys.value.current.id, keyFile: keys.value.file });
    return ok(assemble(db, file, log, now, audit));
  } catch (error) {
    if (db?.open) db.close();
    return openError(file, error);
  }
}

function assemble(db: Database.Database, file: string, log: Logger, now: () => number, audit: AuditTable): HubDatabase {
  const s = prepareHubStatements(db);
  const read = storedReader(log);
  const setRevision = (wallId: string, revision: number) => {
    const current = s.revisionGet.get(wallId)?.revision ?? 0;
    if (revision > current) s.revisionSet.run({ wallId, revision, now: now() });
  };
  const recordTx = db.transaction((a: Activation, entry: HubAuditInput, idempotency?: { key: string; answer: IdempotentAnswer }) => {
    s.activationInsert.run({ wallId: a.wallId, revision: a.revision, scenarioId: a.scenario.id, json: JSON.stringify(a) });
    setRevision(a.wallId, a.revision);
    audit.append(hubAuditEntry(entry));
    if (idempotency) {
      const at = now();
      s.idempotencyExpire.run(at - IDEMPOTENCY_KEEP_MS);
      s.idempotencyPut.run({ key: idempotency.key, json: JSON.stringify(idempotency.answer), now: at });
    }
  });
  const activation = (row: { activation_json: string; revision: number } | undefined, wallId: string) =>
    row ? read(ActivationSchema, row.activation_json, `activation ${wallId}#${row.revision}`) : null;

  return {
    file,
    saveScenario: (sc) => s.scenarioUpsert.run({ id: sc.id, wallId: sc.layout.wallId, version: sc.version, json: JSON.stringify(sc), now: now() }),
    scenario: (id) => {
      const row = s.scenarioGet.get(id);
      return row ? read(ScenarioSchema, row.scenario_json, `scenario "${id}"`) : null;
    },
    scenarios: () => s.scenarioList.all().flatMap((row) => read(ScenarioSchema, row.scenario_json, `scenario "${row.id}"`) ?? []),
    walls: () => s.wallIds.all().map((r) => r.wall_id),
    revision: (wallId) => s.revisionGet.get(wallId)?.revision ?? 0,
    recordActivation: (a, entry, idempotency) => recordTx.immediate(a, entry, idempotency),
    idempotentAnswer: (key) => {
      const row = s.idempotencyGet.get(key, now() - IDEMPOTENCY_KEEP_MS);
      return row ? read(IdempotentAnswerSchema, row.answer_json, `idempotency key "${key.slice(0, 80)}"`) : null;
    },
    raiseRevision: setRevision,
    latestActivation: (wallId) => activation(s.activationLatest.get(wallId), wallId),
    previousActivation: (wallId, before, otherThan) => activation(s.activationPrevious.get(wallId, before, otherThan), wallId),
    audit: (e) => void audit.append(hubAuditEntry(e)),
    recentAudit: (limit) => s.auditRecent.all(Math.max(1, Math.min(limit, 10_000))).map((row) => hubAuditView(toEntry(row))),
    setting: (key, schema) => {
      const row = s.settingGet.get(key);
      return row ? read(schema, row.value_json, `setting "${key}"`) : null;
    },
    setSetting: (key, value) => s.settingSet.run({ key, json: JSON.stringify(value), now: now() }),
    backupSource: { name: file, backup: (destination) => db.backup(destination) },
    auditLog: audit,
    close: () => {
      if (db.open) db.close();
    },
  };
}
