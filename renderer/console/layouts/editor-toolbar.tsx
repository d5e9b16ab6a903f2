import { useState } from 'react';
import { addPanel, duplicatePanel, removePanel } from '../../../common/editor/layout-ops.js';
import { addablePanelTypes, defaultProps } from '../../../common/editor/panel-defaults.js';
import type { WallCanvas } from '../../../common/wall/geometry.js';
import { useT } from '../../i18n/use-t.js';
import type { LayoutEditor } from './use-layout-editor.js';

export interface ViewOptions {
  grid: number;
  snap: boolean;
  preview: boolean;
}

// Add, copy and remove panels; undo and redo; grid, snapping and the console preview.
export function EditorToolbar({ editor, canvas, view, onView }: { editor: LayoutEditor; canvas: WallCanvas; view: ViewOptions; onView: (v: ViewOptions) => void }) {
  const t = useT();
  const types = addablePanelTypes();
  const [type, setType] = useState(types[0] ?? 'solid');
  const first = canvas.viewports[0]?.rect ?? { x: 0, y: 0, width: canvas.width, height: canvas.height };
  const add = () => {
    const props = defaultProps(type);
    if (!props) return;
    const rect = { x: first.x + Math.round(first.width / 4), y: first.y + Math.round(first.height / 4), width: Math.round(first.width / 2), height: Math.round(first.height / 2) };
    editor.insert((l) => addPanel(l, type, props, rect));
  };
  const { selected } = editor;
  return (
    <div className="editor__toolbar" role="toolbar" aria-label={t('editor.tools')}>
      <select aria-label={t('editor.panelType')} data-testid="add-panel-type" value={type} onChange={(e) => setType(e.currentTarget.value)}>
        {types.map((ty) => (
          <option key={ty} value={ty}>
            {ty}
          </option>
        ))}
      </select>
      <button type="button" data-testid="add-panel" onClick={add}>
        {t('editor.add')}
      </button>
      <button
        type="button"
        data-testid="duplicate-panel"
        disabled={!selected}
        onClick={() => selected && editor.insert((l) => duplicatePanel(l, selected))}
      >
        {t('editor.duplicate')}
      </button>
      <button type="button" data-testid="remove-panel" disabled={!selected} onClick={() => selected && (editor.change((l) => removePanel(l, selected)), editor.setSelected(null))}>
        {t('editor.remove')}
      </button>
      <span className="editor__sep" />
      <button type="button" data-testid="undo" disabled={!editor.canUndo} onClick={editor.undo} title="Ctrl+Z">
        {t('editor.undo')}
      </button>
      <button type="button" data-testid="redo" disabled={!editor.canRedo} onClick={editor.redo} title="Ctrl+Shift+Z">
        {t('editor.redo')}
      </button>
      <span className="editor__sep" />
      <label>
        <input type="checkbox" data-testid="snap-toggle" checked={view.snap} onChange={(e) => onView({ ...view, snap: e.currentTarget.checked })} />
        {t('editor.snap')}
      </label>
      <label>
        {t('editor.grid')}
        <select data-testid="grid-size" value={view.grid} onChange={(e) => onView({ ...view, grid: Number(e.currentTarget.value) })}>
          {[0, 20, 40, 60, 120, 240].map((g) => (
            <option key={g} value={g}>
              {g === 0 ? '—' : `${g} px`}
            </option>
          ))}
        </select>
      </label>
      <label>
        <input type="checkbox" data-testid="preview-toggle" checked={view.preview} onChange={(e) => onView({ ...view, preview: e.currentTarget.checked })} />
        {t('editor.preview')}
      </label>
    </div>
  );
}
