import type { Proposal } from '../../common/protocol/scenario.js';
import { errorMessage, storageFailure } from '../../node-common/db/errors.js';
import type { HubDatabase } from '../db/open.js';
import type { HubStore } from './hub-store.js';

// The default store: one hub, one SQLite file (better-sqlite3, synchronous). Every call runs to the
// end before it returns its promise, so the single hub's commands stay strictly one after another.
// Proposals live in memory here, as they always did: one process owns them. Request keys are kept in
// the file (db/open.ts), with the activation they answered, in its transaction.

export function sqliteStore(db: HubDatabase): HubStore {
  const proposals = new Map<string, Proposal>();
  const run = <T>(fn: () => T): Promise<T> => {
    try {
      return Promise.resolve(fn());
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  };
  return {
    kind: 'sqlite',
    where: db.file,
    backupSource: db.backupSource,
    saveScenario: (s) => run(() => db.saveScenario(s)),
    scenario: (id) => run(() => db.scenario(id)),
    scenarios: () => run(() => db.scenarios()),
    walls: () => run(() => db.walls()),
    revision: (wallId) => run(() => db.revision(wallId)),
    revisions: () => run(() => new Map(db.walls().map((w) => [w, db.revision(w)]))),
    commitActivation: (r) =>
      run(() => {
        const seen = r.idempotencyKey === undefined ? null : db.idempotentAnswer(r.idempotencyKey);
        if (seen) return { kind: 'repeated' as const, ...seen };
        const current = db.revision(r.wallId);
        if (r.ifRevision !== undefined && current !== r.ifRevision) return { kind: 'moved-on' as const, revision: current };
        const activation = r.activation(current + 1);
        const answer = { scenarioId: activation.scenario.id, revision: activation.revision, applyAt: activation.applyAt };
        try {
          db.recordActivation(activation, r.audit(activation), r.idempotencyKey === undefined ? undefined : { key: r.idempotencyKey, answer });
        } catch (error) {
          // Nothing was stored (one transaction): say what the disk or file needs.
          const failure = storageFailure(error, db.file);
          throw new Error(failure?.message ?? `the hub could not store the activation (${errorMessage(error)}); nothing was changed. If this repeats, stop the hub and check "${db.file}" (npm run hub:restore puts a backup back).`);
        }
        return { kind: 'committed' as const, activation };
      }),
    adopt: (wallId, revision, activation, audit) =>
      run(() => {
        if (revision <= db.revision(wallId)) return false;
        if (activation) db.recordActivation(activation, audit);
        else {
          db.raiseRevision(wallId, revision);
          db.audit(audit);
        }
        return true;
      }),
    latestActivation: (wallId) => run(() => db.latestActivation(wallId)),
    previousActivation: (wallId, before, otherThan) => run(() => db.previousActivation(wallId, before, otherThan)),
    openProposals: () => run(() => [...proposals.values()]),
    addProposal: (p) => run(() => void proposals.set(p.id, p)),
    closeProposal: (id) => run(() => proposals.delete(id)),
    audit: (e) => run(() => db.audit(e)),
    recentAudit: (limit) => run(() => db.recentAudit(limit)),
    auditKeys: db.auditLog.keys,
    auditAnchorFile: db.auditLog.anchorFile,
    auditHead: () =>
      run(() => {
        const head = db.auditLog.head();
        return head && { seq: head.seq, hash: head.hash, keyedFrom: db.auditLog.keyedFrom() };
      }),
    setting: (key, schema) => run(() => db.setting(key, schema)),
    setSetting: (key, value) => run(() => db.setSetting(key, value)),
    ping: () => run(() => void db.revision('')),
    close: () => run(() => db.close()),
  };
}
