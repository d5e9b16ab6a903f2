import { useEffect, useRef } from 'react';
import { parseDayTime } from '../../i18n/locale.js';
import { useT } from '../../i18n/use-t.js';
import { AppForm } from '../../ui/app-form.js';

export interface Filters {
  actor: string;
  action: string;
  /** As typed: "dd/MM/yyyy" or "dd/MM/yyyy HH:mm" in the centre's time zone (parseDayTime), empty when unset. */
  from: string;
  to: string;
  problemsOnly: boolean;
}

const ACTIONS = ['auth', 'auth:login', 'scenario', 'layout', 'accounts', 'wall', 'settings', 'calibration'];

export function AuditFilters({ value, onChange, onApply, busy }: { value: Filters; onChange: (f: Filters) => void; onApply: () => void; busy: boolean }) {
  const t = useT();
  const set = <K extends keyof Filters>(key: K, v: Filters[K]) => onChange({ ...value, [key]: v });
  return (
    <AppForm
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
        <DateField testId="audit-filter-from" value={value.from} onChange={(v) => set('from', v)} />
      </label>
      <label>
        {t('audit.to')}
        <DateField testId="audit-filter-to" value={value.to} onChange={(v) => set('to', v)} />
      </label>
      <label className="audit__check">
        <input data-testid="audit-filter-problems" type="checkbox" checked={value.problemsOnly} onChange={(e) => set('problemsOnly', e.currentTarget.checked)} />
        {t('audit.problemsOnly')}
      </label>
      <button type="submit" data-testid="audit-apply" disabled={busy}>
        {t('audit.apply')}
      </button>
    </AppForm>
  );
}

/** A date typed as text, day first: a browser date picker shows the browser's locale (mm/dd/yyyy), not the page's. */
function DateField({ testId, value, onChange }: { testId: string; value: string; onChange: (v: string) => void }) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const el = input.current;
    if (!el) return;
    const field = el.labels?.[0]?.firstChild?.textContent?.trim() ?? '';
    el.setCustomValidity(value.trim() && !parseDayTime(value) ? t('form.date', { field }) : '');
  }, [value, t]);
  return <input ref={input} data-testid={testId} inputMode="numeric" placeholder={t('form.datePlaceholder')} value={value} onChange={(e) => onChange(e.currentTarget.value)} />;
}
