import { stackOrder, moveInStack, type ZMove } from '../../../common/editor/z-order.js';
import { setPanels } from '../../../common/editor/layout-ops.js';
import { useT } from '../../i18n/use-t.js';
import type { LayoutEditor } from './use-layout-editor.js';

// The panels top first (as a person reads a stack), with the z-order buttons for the selected one.
export function PanelList({ editor }: { editor: LayoutEditor }) {
  const t = useT();
  const { layout, selected } = editor;
  const move = (m: ZMove) => selected && editor.change((l) => setPanels(l, moveInStack(l.panels, selected, m)));
  const top = [...stackOrder(layout.panels)].reverse();
  return (
    <section className="panel-list" aria-label={t('editor.panels')}>
      <h3>{t('editor.panels')}</h3>
      <div className="panel-list__z" role="group" aria-label={t('editor.zOrder')}>
        <button type="button" data-testid="z-front" disabled={!selected} onClick={() => move('front')} title={t('editor.toFront')}>⤒</button>
        <button type="button" data-testid="z-forward" disabled={!selected} onClick={() => move('forward')} title={t('editor.forward')}>↑</button>
        <button type="button" data-testid="z-backward" disabled={!selected} onClick={() => move('backward')} title={t('editor.backward')}>↓</button>
        <button type="button" data-testid="z-back" disabled={!selected} onClick={() => move('back')} title={t('editor.toBack')}>⤓</button>
      </div>
      <ol className="panel-list__items" data-testid="panel-order">
        {top.map((p) => (
          <li key={p.id}>
            <button type="button" data-testid={`panel-item-${p.id}`} aria-pressed={p.id === selected} onClick={() => editor.setSelected(p.id)}>
              {p.title ?? p.id} <small>{p.type}</small>
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
