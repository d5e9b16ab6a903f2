import { useT } from '../../i18n/use-t.js';

export interface Filters {
  actor: string;
  action: string;
  /** datetime-local values ("2026-10-20T08:00"), empty when unset. */
  from: string;
  to: string;
  problemsOnly: boolean;
}

const ACTIONS = ['auth', 'auth:login', 'scenario', 'layout', 'accounts', 'wall', 'settings', 'calibration'];

export function AuditFilters({ value, onChange, onApply, busy }: { value: Filters; onChange: (f: Filters) => void; onApply: () => void; busy: boolean }) {
  const t = useT();
  const set = <K extends keyof Filters>(key: K, v: Filters[K]) => onChange({ ...value, [key]: v });
  return (
    <form
      className="audit__filters"
      onSubmit={(e) => {
        e.preventDefault();
        onApply();
      }}
    >
      <label>
        {t('audit.col.actor')}
        <input data-testid="audit-filter-actor" value={value.actor} onChange={(e) => set('actor', e.currentTarget.value)} placeholder="nguyen.van.a" />
      </label>
      <label>
        {t('audit.col.action')}
        <input data-testid="audit-filter-action" list="audit-actions" value={value.action} onChange={(e) => set('action', e.currentTarget.value)} placeholder="scenario" />
        <datalist id="audit-actions">
          {ACTIONS.map((a) => (
            <option key={a} value={a} />
          ))}
        </datalist>
      </label>
      <label>
        {t('audit.from')}
        <input data-testid="audit-filter-from" type="datetime-local" value={value.from} onChange={(e) => set('from', e.currentTarget.value)} />
      </label>
      <label>
        {t('audit.to')}
        <input data-testid="audit-filter-to" type="datetime-local" value={value.to} onChange={(e) => set('to', e.currentTarget.value)} />
      </label>
      <label className="audit__check">
        <input data-testid="audit-filter-problems" type="checkbox" checked={value.problemsOnly} onChange={(e) => set('problemsOnly', e.currentTarget.checked)} />
        {t('audit.problemsOnly')}
      </label>
      <button type="submit" data-testid="audit-apply" disabled={busy}>
        {t('audit.apply')}
      </button>
    </form>
  );
}
