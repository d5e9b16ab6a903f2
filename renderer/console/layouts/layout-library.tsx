import { useCallback, useEffect, useState } from 'react';
import { idFromName } from '../../../common/editor/layout-ops.js';
import type { DraftInfo, LayoutInfo } from '../../../common/layout-contract.js';
import { useT } from '../../i18n/use-t.js';
import { useBridge, useWallState } from '../../state/store-context.js';
import { CommandError } from '../ui/command-error.js';
import { useCommand } from '../ui/use-command.js';
import { ImportLayout } from './import-layout.js';
import type { EditorDoc } from './use-layout-editor.js';
import { AppForm } from '../../ui/app-form.js';
import { HeadedTable } from '../../ui/headed-table.js';

export function LayoutLibrary({ onOpen }: { onOpen: (doc: EditorDoc) => void }) {
  const t = useT();
  const bridge = useBridge();
  const { state } = useWallState();
  const { busy, error, run } = useCommand();
  const [layouts, setLayouts] = useState<LayoutInfo[]>([]);
  const [drafts, setDrafts] = useState<DraftInfo[]>([]);
  const [name, setName] = useState('');

  const reload = useCallback(async () => {
    const [l, d] = [await run(() => bridge.listLayouts()), await run(() => bridge.listDrafts())];
    if (l.ok) setLayouts(l.value);
    if (d.ok) setDrafts(d.value);
  }, [bridge, run]);
  useEffect(() => void reload(), [reload]);
  if (!state) return null;

  const open = async (id: string) => {
    const draft = drafts.some((d) => d.layoutId === id) ? await run(() => bridge.getDraft(id)) : null;
    if (draft?.ok && draft.value) return onOpen({ layout: draft.value.layout, baseRevision: draft.value.baseRevision, fromDraft: true });
    const stored = await run(() => bridge.getLayout(id));
    if (stored.ok) onOpen({ layout: stored.value.layout, baseRevision: stored.value.revision });
  };
  const create = (fromWall: boolean) => {
    const id = idFromName(name);
    const panels = fromWall ? state.layout.panels : [];
    onOpen({ layout: { schemaVersion: 1, id, name: name.trim(), wallId: state.wall.id, panels }, baseRevision: 0 });
  };
  const unsaved = drafts.filter((d) => !layouts.some((l) => l.id === d.layoutId));

  return (
    <section className="library" data-testid="layout-library">
      <h2>{t('area.layouts')}</h2>
      <CommandError error={error} />
      <HeadedTable className="library__table" headings={[t('library.name'), t('library.revision'), t('library.panels'), '']}>
        <tbody>
          {layouts.map((l) => (
            <tr key={l.id} data-testid={`library-${l.id}`} data-active={String(l.active)} data-revision={l.revision}>
              <td>
                <strong>{l.name}</strong> <code>{l.id}</code> {l.active && <span className="badge">{t('library.onWall')}</span>}
                {drafts.some((d) => d.layoutId === l.id) && <span className="badge badge--draft">{t('library.draft')}</span>}
              </td>
              <td>{l.revision}</td>
              <td>{l.panels}</td>
              <td>
                <button type="button" data-testid={`open-${l.id}`} disabled={busy} onClick={() => void open(l.id)}>{t('library.open')}</button>
                <button type="button" data-testid={`apply-${l.id}`} disabled={busy || l.active} onClick={() => void run(() => bridge.applyLayout(l.id)).then(reload)}>{t('editor.apply')}</button>
              </td>
            </tr>
          ))}
          {unsaved.map((d) => (
            <tr key={`draft-${d.layoutId}`} data-testid={`library-draft-${d.layoutId}`}>
              <td>
                <strong>{d.name}</strong> <code>{d.layoutId}</code> <span className="badge badge--draft">{t('library.draftNew')}</span>
              </td>
              <td>—</td>
              <td />
              <td>
                <button type="button" data-testid={`open-draft-${d.layoutId}`} disabled={busy} onClick={() => void open(d.layoutId)}>{t('library.resume')}</button>
                <button type="button" disabled={busy} onClick={() => void run(() => bridge.discardDraft(d.layoutId)).then(reload)}>{t('library.discard')}</button>
              </td>
            </tr>
          ))}
        </tbody>
      </HeadedTable>
      <AppForm className="library__new" onSubmit={(e) => (e.preventDefault(), create(false))}>
        <input data-testid="new-layout-name" placeholder={t('library.newName')} value={name} onChange={(e) => setName(e.currentTarget.value)} required />
        <button type="submit" data-testid="new-layout" disabled={!name.trim()}>{t('library.new')}</button>
        <button type="button" data-testid="new-layout-from-wall" disabled={!name.trim()} onClick={() => create(true)}>{t('library.newFromWall')}</button>
      </AppForm>
      <ImportLayout wall={state.wall} revisionOf={(id) => layouts.find((l) => l.id === id)?.revision ?? 0} onOpen={onOpen} />
    </section>
  );
}
