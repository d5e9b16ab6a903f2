import type { Scenario } from '../../../common/protocol/scenario.js';
import { useT } from '../../i18n/use-t.js';

type Item = NonNullable<Scenario['checklist']>[number];

/** The steps the leader sees with the confirmation, in both languages. */
export function ChecklistEditor({ items, onChange }: { items: Item[]; onChange: (items: Item[]) => void }) {
  const t = useT();
  const update = (i: number, change: Partial<Item['text']>) => onChange(items.map((it, j) => (j === i ? { ...it, text: { ...it.text, ...change } } : it)));
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
