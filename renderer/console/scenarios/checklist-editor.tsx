import type { Scenario } from '../../../common/protocol/scenario.js';
import { useT } from '../../i18n/use-t.js';

type Item = NonNullable<Scenario['checklist']>[number];
type StepRole = NonNullable<Item['role']>;
const STEP_ROLES: readonly StepRole[] = ['operator', 'leader', 'technician', 'admin'];
const isStepRole = (v: string): v is StepRole => (STEP_ROLES as readonly string[]).includes(v);

/** The steps the leader sees with the confirmation, in both languages. */
export function ChecklistEditor({ items, onChange }: { items: Item[]; onChange: (items: Item[]) => void }) {
  const t = useT();
  const update = (i: number, change: Partial<Item['text']>) => onChange(items.map((it, j) => (j === i ? { ...it, text: { ...it.text, ...change } } : it)));
  const set = (i: number, change: (it: Item) => Item) => onChange(items.map((it, j) => (j === i ? change(it) : it)));
  const nextId = () => {
    for (let n = items.length + 1; ; n++) if (!items.some((i) => i.id === `buoc-${n}`)) return `buoc-${n}`;
  };
  return (
    <fieldset className="checklist">
      <legend>{t('leader.checklist')}</legend>
      {items.map((item, i) => (
        <div key={item.id} className="checklist__item">
          <span>{i + 1}.</span>
          <input aria-label="vi" value={item.text.vi} onChange={(e) => update(i, { vi: e.currentTarget.value })} />
          <input aria-label="en" value={item.text.en} onChange={(e) => update(i, { en: e.currentTarget.value })} />
          <select
            aria-label={t('scenarios.stepRole')}
            data-testid={`step-role-${item.id}`}
            value={item.role ?? ''}
            onChange={(e) => {
              const role = e.currentTarget.value;
              set(i, ({ role: _old, ...rest }) => (isStepRole(role) ? { ...rest, role } : rest));
            }}
          >
            <option value="">{t('procedure.anyone')}</option>
            {STEP_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
          <input
            className="checklist__due"
            aria-label={t('scenarios.stepDue')}
            title={t('scenarios.stepDue')}
            placeholder={t('scenarios.stepDueNone')}
            inputMode="numeric"
            value={item.dueMinutes ?? ''}
            onChange={(e) => {
              const n = Number.parseInt(e.currentTarget.value, 10);
              set(i, ({ dueMinutes: _old, ...rest }) => (Number.isInteger(n) && n > 0 ? { ...rest, dueMinutes: Math.min(n, 7 * 24 * 60) } : rest));
            }}
          />
          <button type="button" onClick={() => onChange(items.filter((_, j) => j !== i))}>
            ×
          </button>
        </div>
      ))}
      <button type="button" data-testid="checklist-add" onClick={() => onChange([...items, { id: nextId(), text: { vi: 'Bước mới', en: 'New step' } }])}>
        {t('scenarios.addStep')}
      </button>
    </fieldset>
  );
}
