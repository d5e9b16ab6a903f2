import { useMemo, useState, type KeyboardEvent } from 'react';
import { duplicatePanel, removePanel } from '../../../common/editor/layout-ops.js';
import { panelPropsIssues } from '../../../common/panels/registry.js';
import { wallCanvas } from '../../../common/wall/geometry.js';
import { useWallState } from '../../state/store-context.js';
import { EditorCanvas } from './editor-canvas.js';
import { EditorPreview } from './editor-preview.js';
import { EditorToolbar, type ViewOptions } from './editor-toolbar.js';
import { PanelList } from './panel-list.js';
import { PanelProperties } from './props/panel-properties.js';
import { SaveBar } from './save-bar.js';
import { useLayoutEditor, type EditorDoc } from './use-layout-editor.js';

// The layout editor: the wall with its panels (drag, resize, snap, nudge), the panel list with
// z-order, the selected panel's properties, and saving. Shortcuts: Ctrl+Z / Ctrl+Shift+Z (or Ctrl+Y),
// Delete, Ctrl+D; arrows move the selected panel 1 px, 10 px with Shift.
export function LayoutEditorView({ doc, onClose }: { doc: EditorDoc; onClose: () => void }) {
  const { state } = useWallState();
  const editor = useLayoutEditor(doc);
  const [view, setView] = useState<ViewOptions>({ grid: 40, snap: true, preview: false });
  const canvas = useMemo(() => (state ? wallCanvas(state.wall, { bezelCompensation: state.wall.bezelCompensation }) : null), [state]);
  if (!state || !canvas) return null;
  const panel = editor.layout.panels.find((p) => p.id === editor.selected) ?? null;
  const hasIssues = editor.layout.panels.some((p) => panelPropsIssues(p.type, p.props).length > 0);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLSelectElement) return;
    const mod = e.ctrlKey || e.metaKey;
    const key = e.key.toLowerCase();
    if (mod && (key === 'z' || key === 'y')) {
      e.preventDefault();
      if (key === 'y' || e.shiftKey) editor.redo();
      else editor.undo();
    } else if (mod && key === 'd' && panel) {
      e.preventDefault();
      editor.insert((l) => duplicatePanel(l, panel.id));
    } else if ((e.key === 'Delete' || e.key === 'Backspace') && panel) {
      e.preventDefault();
      editor.change((l) => removePanel(l, panel.id));
      editor.setSelected(null);
    }
  };

  return (
    <div className="editor" data-testid="layout-editor" data-layout={editor.layout.id} onKeyDown={onKeyDown}>
      <SaveBar editor={editor} hasIssues={hasIssues} onClose={onClose} />
      <EditorToolbar editor={editor} canvas={canvas} view={view} onView={setView} />
      <div className="editor__body">
        <div className="editor__main">
          <EditorCanvas editor={editor} canvas={canvas} grid={view.grid} snap={view.snap} />
          {view.preview && <EditorPreview state={state} canvas={canvas} layout={editor.layout} />}
        </div>
        <aside className="editor__side">
          <PanelList editor={editor} />
          {panel && <PanelProperties editor={editor} panel={panel} canvas={canvas} />}
        </aside>
      </div>
    </div>
  );
}
