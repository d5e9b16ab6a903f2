import type { z } from 'zod';
import type { Activation, Proposal, Scenario } from '../../common/protocol/scenario.js';
import type { BackupSource } from '../../node-common/db/backup.js';
import type { HubAuditInput, HubAuditView } from '../db/hub-audit.js';
import type { AnchorHead } from '../../node-common/audit/anchor.js';
import type { AuditKeyring } from '../../node-common/audit/audit-key.js';

// What the hub keeps: scenarios, revisions, activations, proposals, the audit log, settings. Two
// implementations: SQLite (one hub, embedded, the default) and PostgreSQL (several hubs share it).
// Revisions are allocated by the database inside the transaction that stores the activation and its
// audit row, so two hubs on one database can never hand out the same revision.

export type StoreKind = 'sqlite' | 'postgres';

export interface CommitRequest {
  wallId: string;
  /** The activation, once the database has allocated its revision. */
  activation(revision: number): Activation;
  /** Its audit row, written in the same transaction. */
  audit(activation: Activation): HubAuditInput;
  /** Commit only while the wall is still at this revision (the auto-revert timer: another hub may have moved on). */
  ifRevision?: number;
  /** A request seen before answers its first revision instead of making another (an Idempotency-Key, a console's request id). */
  idempotencyKey?: string;
}

export type CommitOutcome =
  | { kind: 'committed'; activation: Activation }
  | { kind: 'repeated'; scenarioId: string; revision: number; applyAt: number }
  | { kind: 'moved-on'; revision: number };

export interface HubStore {
  readonly kind: StoreKind;
  /** The file, or the PostgreSQL address without its password, for logs and health. */
  readonly where: string;
  /** For online backups of a SQLite file (node-common/db/backup.ts); PostgreSQL is backed up with its own tools. */
  readonly backupSource: BackupSource | null;
  saveScenario(scenario: Scenario): Promise<void>;
  scenario(id: string): Promise<Scenario | null>;
  scenarios(): Promise<Scenario[]>;
  /** Walls that have had an activation (or a revision raised). */
  walls(): Promise<string[]>;
  revision(wallId: string): Promise<number>;
  /** Every wall's revision, for the watch that keeps this hub's nodes in step with the others'. */
  revisions(): Promise<Map<string, number>>;
  commitActivation(request: CommitRequest): Promise<CommitOutcome>;
  /** A node shows a newer revision than the store knows: record it (with its activation when the scenario is known). */
  adopt(wallId: string, revision: number, activation: Activation | null, audit: HubAuditInput): Promise<boolean>;
  latestActivation(wallId: string): Promise<Activation | null>;
  previousActivation(wallId: string, beforeRevision: number, otherThan: string): Promise<Activation | null>;
  openProposals(): Promise<Proposal[]>;
  addProposal(proposal: Proposal): Promise<void>;
  /** Close a proposal; false when it was not open (another hub or person got there first). */
  closeProposal(id: string): Promise<boolean>;
  audit(entry: HubAuditInput): Promise<void>;
  /** Newest first, as GET /api/audit shows them. */
  recentAudit(limit: number): Promise<HubAuditView[]>;
  /** The audit chain's keys (null: rows are plain SHA-256) and this hub's anchor file (node-common/audit/anchor.ts). */
  readonly auditKeys: AuditKeyring | null;
  readonly auditAnchorFile: string | null;
  /** The chain's head, for the anchor. */
  auditHead(): Promise<AnchorHead | null>;
  setting<S extends z.ZodType>(key: string, schema: S): Promise<z.output<S> | null>;
  setSetting(key: string, value: unknown): Promise<void>;
  /** A round trip to the database; rejects when it cannot be reached. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** The database could not be reached or refused the write: nothing was stored. */
export class StoreUnavailable extends Error {
  constructor(where: string, cause: unknown) {
    super(`the hub cannot reach its database (${where}): ${cause instanceof Error ? cause.message : String(cause)}`.slice(0, 1500));
    this.name = 'StoreUnavailable';
  }
}
