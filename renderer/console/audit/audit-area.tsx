import { useCallback, useEffect, useRef, useState } from 'react';
import type { AuditEntry, AuditQuery, AuditVerification } from '../../../common/audit.js';
import { auditCsv } from '../../../common/audit-csv.js';
import { parseDayTime } from '../../i18n/locale.js';
import { useT } from '../../i18n/use-t.js';
import { useBridge } from '../../state/store-context.js';
import { CommandError } from '../ui/command-error.js';
import { downloadText } from '../ui/download.js';
import { useCommand } from '../ui/use-command.js';
import { AuditFilters, type Filters } from './audit-filters.js';
import { AuditTable } from './audit-table.js';

const PAGE = 100;
const EXPORT_LIMIT = 5000;

function toQuery(f: Filters): AuditQuery {
  // The form refuses a date it cannot read (audit-filters.tsx), so what is typed here is empty or a date.
  const from = parseDayTime(f.from)?.start;
  const to = parseDayTime(f.to)?.end; // the whole day or minute the person typed
  return {
    ...(f.actor.trim() ? { actor: f.actor.trim().toLowerCase() } : {}),
    ...(f.action.trim() ? { action: f.action.trim() } : {}),
    ...(from === undefined ? {} : { from }),
    ...(to === undefined ? {} : { to }),
    ...(f.problemsOnly ? { problemsOnly: true } : {}),
  };
}

// Who did what: filter by person, action and time, page back, export CSV, verify the hash chain.
export function AuditArea() {
  const t = useT();
  const bridge = useBridge();
  const { busy, error, run } = useCommand();
  const [filters, setFilters] = useState<Filters>({ actor: '', action: '', from: '', to: '', problemsOnly: false });
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [total, setTotal] = useState(0);
  const [verification, setVerification] = useState<AuditVerification | null>(null);

  const load = useCallback(
    async (f: Filters, before?: number) => {
      const r = await run(() => bridge.queryAudit({ ...toQuery(f), limit: PAGE, ...(before ? { before } : {}) }));
      if (!r.ok) return;
      setEntries((old) => (before ? [...old, ...r.value.entries] : r.value.entries));
      setTotal(r.value.total);
    },
    [bridge, run],
  );
  // The first page once; later pages and filters only on request.
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void load(filters);
  }, [load, filters]);

  const exportCsv = async () => {
    const r = await run(() => bridge.queryAudit({ ...toQuery(filters), limit: EXPORT_LIMIT }));
    if (!r.ok) return;
    const headings = { seq: t('audit.col.seq'), time: t('audit.col.time'), actor: t('audit.col.actor'), role: t('audit.col.role'), action: t('audit.col.action'), target: t('audit.col.target'), result: t('audit.col.result'), origin: t('audit.col.origin'), detail: t('audit.col.detail'), hash: t('audit.col.hash') };
    const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
    downloadText(`nhat-ky-toan-canh-${stamp}.csv`, auditCsv(r.value.entries, headings), 'text/csv;charset=utf-8');
  };
  const verify = async () => {
    const r = await run(() => bridge.verifyAudit());
    if (r.ok) setVerification(r.value);
  };

  return (
    <section className="audit" aria-labelledby="audit-title" data-testid="audit-area">
      <h2 id="audit-title">{t('area.audit')}</h2>
      <AuditFilters value={filters} onChange={setFilters} onApply={() => void load(filters)} busy={busy} />
      <div className="audit__actions">
        <span data-testid="audit-total" data-total={total}>
          {t('audit.shown', { shown: entries.length, total })}
        </span>
        <button type="button" data-testid="audit-export" disabled={busy} onClick={() => void exportCsv()}>
          {t('audit.export')}
        </button>
        <button type="button" data-testid="audit-verify" disabled={busy} onClick={() => void verify()}>
          {t('audit.verify')}
        </button>
        {verification && (
          <span className={verification.ok ? 'audit__ok' : 'audit__broken'} role="status" data-testid="audit-verify-result" data-ok={String(verification.ok)} data-seq={verification.ok ? '' : verification.seq}>
            {verification.ok ? t('audit.verified', { rows: verification.rows }) : t('audit.broken', { seq: verification.seq, reason: verification.reason })}
          </span>
        )}
      </div>
      <CommandError error={error} />
      <AuditTable entries={entries} />
      {entries.length < total && (
        <button type="button" data-testid="audit-older" disabled={busy} onClick={() => void load(filters, entries.at(-1)?.seq)}>
          {t('audit.older')}
        </button>
      )}
    </section>
  );
}
