import { useState } from 'react';
import type { LayoutInfo } from '../../../common/layout-contract.js';
import type { Scenario } from '../../../common/protocol/scenario.js';
import type { LibraryEntry, ScenarioDraftInfo } from '../../../common/scenario-console-contract.js';
import { useLanguage, useT } from '../../i18n/use-t.js';
import { useBridge } from '../../state/store-context.js';
import { CommandError } from '../ui/command-error.js';
import { downloadText } from '../ui/download.js';
import type { useCommand } from '../ui/use-command.js';
import { duplicateScenario, newScenario } from './scenario-drafts.js';
import type { FormDoc } from './scenario-form.js';
import { AppForm } from '../../ui/app-form.js';

interface Props {
  hub: Scenario[];
  library: LibraryEntry[];
  /** This person's autosaved edits. */
  drafts: ScenarioDraftInfo[];
  layouts: LayoutInfo[];
  canEdit: boolean;
  /** Leaders hand prepared scenarios to the centre, which puts them on the leader's buttons. */
  canPublish: boolean;
  command: ReturnType<typeof useCommand>;
  onEdit: (doc: FormDoc) => void;
  onRehearse: (scenario: Scenario) => void;
  onChanged: () => void;
}

export function ScenarioList({ hub, library, drafts, layouts, canEdit, canPublish, command, onEdit, onRehearse, onChanged }: Props) {
  const t = useT();
  const language = useLanguage();
  const bridge = useBridge();
  const { busy, error, run } = command;
  const [layoutId, setLayoutId] = useState('');
  const [names, setNames] = useState({ vi: '', en: '' });
  const [published, setPublished] = useState<{ id: string; version: number } | null>(null);
  const unsaved = drafts.filter((d) => !library.some((s) => s.id === d.scenarioId));
  const taken = [...hub.map((s) => s.id), ...library.map((s) => s.id), ...unsaved.map((d) => d.scenarioId)];

  const fromLibrary = async (id: string) => {
    const r = await run(() => bridge.getLibraryScenario(id));
    return r.ok ? r.value : null;
  };
  /** Open for editing: this person's draft when there is one, else what the library holds. */
  const edit = async (id: string) => {
    const draft = drafts.some((d) => d.scenarioId === id) ? await run(() => bridge.getScenarioDraft(id)) : null;
    if (draft?.ok && draft.value) return onEdit({ scenario: draft.value.scenario, revision: draft.value.baseRevision, draftAt: draft.value.updatedAt });
    const stored = await fromLibrary(id);
    if (stored) onEdit(stored);
  };
  // The file format of config/scenarios/, so the hub can take it.
  const exportJson = (s: Scenario) => downloadText(`${s.id}.json`, `${JSON.stringify(s, null, 2)}\n`, 'application/json');
  const publish = async (id: string) => {
    setPublished(null);
    const r = await run(() => bridge.publishLibraryScenario(id));
    if (r.ok) setPublished({ id, version: r.value.version });
  };
  const create = async () => {
    const r = await run(() => bridge.getLayout(layoutId));
    if (r.ok) onEdit({ scenario: newScenario(r.value.layout, names.vi, names.en, hub, taken), revision: 0 });
  };

  const row = (s: { id: string; name: { vi: string; en: string }; severity: string; panels: number }, source: 'hub' | 'library', full?: Scenario) => (
    <tr key={`${source}-${s.id}`} data-testid={`scenario-row-${s.id}`} data-source={source}>
      <td>
        <strong>{s.name[language]}</strong> <code>{s.id}</code> <span className="badge">{t(`scenarios.source.${source}`)}</span>
        {source === 'library' && drafts.some((d) => d.scenarioId === s.id) && <span className="badge badge--draft">{t('scenarios.draft')}</span>}
      </td>
      <td>{t(`leader.severity.${s.severity}` as 'leader.severity.normal')}</td>
      <td>{s.panels}</td>
      <td className="scenarios__actions">
        <button type="button" data-testid={`rehearse-${s.id}`} disabled={busy} onClick={() => void (full ? Promise.resolve({ scenario: full }) : fromLibrary(s.id)).then((f) => f && onRehearse(f.scenario))}>
          {t('scenarios.rehearse')}
        </button>
        {canEdit && source === 'library' && (
          <button type="button" data-testid={`edit-${s.id}`} disabled={busy} onClick={() => void edit(s.id)}>
            {t('library.open')}
          </button>
        )}
        {canEdit && (
          <button type="button" data-testid={`duplicate-${s.id}`} disabled={busy} onClick={() => void (full ? Promise.resolve({ scenario: full }) : fromLibrary(s.id)).then((f) => f && onEdit({ scenario: duplicateScenario(f.scenario, taken), revision: 0 }))}>
            {t('editor.duplicate')}
          </button>
        )}
        <button type="button" disabled={busy} onClick={() => void (full ? Promise.resolve({ scenario: full }) : fromLibrary(s.id)).then((f) => f && exportJson(f.scenario))}>
          {t('editor.export')}
        </button>
        {canPublish && source === 'library' && (
          <button type="button" className="primary" data-testid={`publish-${s.id}`} disabled={busy} onClick={() => void publish(s.id)}>
            {t('scenarios.publish')}
          </button>
        )}
        {canEdit && source === 'library' && (
          <button type="button" disabled={busy} onClick={() => void run(() => bridge.removeLibraryScenario(s.id)).then(onChanged)}>
            {t('accounts.remove')}
          </button>
        )}
      </td>
    </tr>
  );

  return (
    <section className="scenarios" data-testid="scenarios-area">
      <h2>{t('area.scenarios')}</h2>
      <p className="scenarios__help">{t('scenarios.help')}</p>
      <CommandError error={error} />
      {published && !error && (
        <p role="status" data-testid="scenario-published" data-scenario={published.id} data-version={published.version}>
          {t('scenarios.published', { id: published.id, version: published.version })}
        </p>
      )}
      <table className="scenarios__table">
        <tbody>
          {hub.map((s) => row({ ...s, panels: s.layout.panels.length }, 'hub', s))}
          {library.map((s) => row(s, 'library'))}
          {unsaved.map((d) => (
            <tr key={`draft-${d.scenarioId}`} data-testid={`scenario-draft-${d.scenarioId}`}>
              <td>
                <strong>{d.name[language]}</strong> <code>{d.scenarioId}</code> <span className="badge badge--draft">{t('scenarios.draftNew')}</span>
              </td>
              <td colSpan={2} />
              <td className="scenarios__actions">
                <button type="button" data-testid={`resume-${d.scenarioId}`} disabled={busy} onClick={() => void edit(d.scenarioId)}>
                  {t('library.resume')}
                </button>
                <button type="button" data-testid={`discard-draft-${d.scenarioId}`} disabled={busy} onClick={() => void run(() => bridge.discardScenarioDraft(d.scenarioId)).then(onChanged)}>
                  {t('library.discard')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {canEdit && (
        <AppForm
          className="scenarios__new"
          onSubmit={(e) => {
            e.preventDefault();
            void create();
          }}
        >
          <h3>{t('scenarios.new')}</h3>
          <select data-testid="new-scenario-layout" value={layoutId} onChange={(e) => setLayoutId(e.currentTarget.value)} required>
            <option value="">{t('scenarios.pickLayout')}</option>
            {layouts.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name} ({l.id})
              </option>
            ))}
          </select>
          <input data-testid="new-scenario-vi" placeholder={t('scenarios.nameVi')} value={names.vi} onChange={(e) => setNames({ ...names, vi: e.currentTarget.value })} required />
          <input data-testid="new-scenario-en" placeholder={t('scenarios.nameEn')} value={names.en} onChange={(e) => setNames({ ...names, en: e.currentTarget.value })} />
          <button type="submit" data-testid="new-scenario" disabled={busy || !layoutId || !names.vi.trim()}>
            {t('scenarios.create')}
          </button>
        </AppForm>
      )}
    </section>
  );
}
