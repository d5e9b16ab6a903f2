import { useState } from 'react';
import { exportLayout } from '../../../common/editor/import-layout.js';
import { idFromName } from '../../../common/editor/layout-ops.js';
import { useT } from '../../i18n/use-t.js';
import { CommandError } from '../ui/command-error.js';
import { ConflictDialog } from '../ui/conflict-dialog.js';
import { downloadText } from '../ui/download.js';
import type { LayoutEditor } from './use-layout-editor.js';
import { AppForm } from '../../ui/app-form.js';


// Save, save as, apply to the wall, export; the revision conflict offers reload or overwrite.
export function SaveBar({ editor, hasIssues, onClose }: { editor: LayoutEditor; hasIssues: boolean; onClose: () => void }) {
  const t = useT();
  const [asName, setAsName] = useState<string | null>(null);
  const [applied, setApplied] = useState<number | null>(null);
  const { layout, dirty, busy, conflict } = editor;
  const saved = editor.baseRevision > 0 && !dirty;
  return (
    <div className="editor__save" data-testid="save-bar" data-dirty={String(dirty)} data-revision={editor.baseRevision} data-autosave={editor.autosave}>
      <input className="editor__name" aria-label={t('editor.layoutName')} data-testid="layout-name" value={layout.name} onChange={(e) => { const name = e.currentTarget.value; editor.change((l) => ({ ...l, name: name || l.name })); }} />
      <span className="editor__state" data-testid="save-state">
        {dirty ? t('editor.unsaved', { state: t(`editor.autosave.${editor.autosave}`) }) : t('editor.savedAt', { revision: editor.baseRevision })}
      </span>
      <button type="button" className="primary" data-testid="save-layout" disabled={busy || hasIssues || (!dirty && editor.baseRevision > 0)} onClick={() => void editor.save()}>
        {t('editor.save')}
      </button>
      {asName === null ? (
        <button type="button" data-testid="save-as" disabled={busy || hasIssues} onClick={() => setAsName(layout.name)}>
          {t('editor.saveAs')}
        </button>
      ) : (
        <AppForm className="editor__save-as" onSubmit={(e) => { e.preventDefault(); void editor.saveAs(idFromName(asName), asName).then((ok) => ok && setAsName(null)); }}>
          <input data-testid="save-as-name" value={asName} onChange={(e) => setAsName(e.currentTarget.value)} required autoFocus />
          <code data-testid="save-as-id">{idFromName(asName)}</code>
          <button type="submit" data-testid="save-as-confirm" disabled={busy}>{t('editor.save')}</button>
          <button type="button" onClick={() => setAsName(null)}>{t('accounts.cancel')}</button>
        </AppForm>
      )}
      <button type="button" data-testid="apply-layout" disabled={busy || !saved} title={saved ? '' : t('editor.saveFirst')} onClick={() => void editor.apply().then(setApplied)}>
        {t('editor.apply')}
      </button>
      {applied !== null && <span data-testid="applied-revision" data-revision={applied}>{t('editor.applied', { revision: applied })}</span>}
      <button type="button" data-testid="export-layout" onClick={() => downloadText(`${layout.id}.json`, exportLayout(layout), 'application/json')}>
        {t('editor.export')}
      </button>
      <button type="button" data-testid="close-editor" onClick={onClose}>
        {t('editor.close')}
      </button>
      {conflict && <ConflictDialog question={t('editor.conflict')} conflict={conflict} busy={busy} onReload={() => void editor.reload()} onOverwrite={() => void editor.overwrite()} />}
      <CommandError error={editor.error} testId="editor-error" />
    </div>
  );
}
