import { useCallback, useState } from 'react';
import { formatPath } from '../../../common/contract.js';
import type { AppError } from '../../../common/result.js';
import { sameValue } from '../../../common/same-value.js';
import type { LayoutInfo } from '../../../common/layout-contract.js';
import { ScenarioSchema, SeveritySchema, type Scenario } from '../../../common/protocol/scenario.js';
import { useLanguage, useT } from '../../i18n/use-t.js';
import { formatDateTime } from '../../i18n/locale.js';
import { useBridge } from '../../state/store-context.js';
import { CommandError } from '../ui/command-error.js';
import { ConflictDialog } from '../ui/conflict-dialog.js';
import { useAutosave } from '../ui/use-autosave.js';
import { useCommand } from '../ui/use-command.js';
import { ChecklistEditor } from './checklist-editor.js';
import { Rehearsal } from './rehearsal.js';

export interface FormDoc {
  scenario: Scenario;
  /** 0: not in the library yet. */
  revision: number;
  /** Restored from this person's draft, written at this time (ms since the epoch). */
  draftAt?: number;
}

// A scenario's settings: names, description, severity, the layout (a saved one), the checklist shown
// with the leader's confirmation, auto-revert, what becomes of hand-placed cameras on activation, and map extent. Checked by the protocol's own schema.
// Edits are autosaved as this person's draft until saved; another console's save in between is a
// conflict to settle (reload or overwrite); closing with unsaved changes asks first.
export function ScenarioForm({ doc, layouts, onClose }: { doc: FormDoc; layouts: LayoutInfo[]; onClose: () => void }) {
  const t = useT();
  const language = useLanguage();
  const bridge = useBridge();
  const { busy, error, setError, run } = useCommand();
  const [s, setS] = useState<Scenario>(doc.scenario);
  const [saved, setSaved] = useState<Scenario | null>(doc.revision > 0 && doc.draftAt === undefined ? doc.scenario : null);
  const [revision, setRevision] = useState(doc.revision);
  const [rehearse, setRehearse] = useState(false);
  const [conflict, setConflict] = useState<AppError | null>(null);
  const [leaving, setLeaving] = useState(false);
  const checked = ScenarioSchema.safeParse(s);
  const issues = checked.success ? [] : checked.error.issues;
  const dirty = saved === null || !sameValue(saved, s);
  const autosave = useAutosave(useCallback(() => bridge.saveScenarioDraft(s, revision), [bridge, s, revision]), dirty && checked.success && conflict === null && !busy);
  const discard = async () => {
    await bridge.discardScenarioDraft(s.id);
    onClose();
  };
  const set = (change: Partial<Scenario>) => setS({ ...s, ...change });

  const save = async (expected = revision) => {
    const r = await run(() => bridge.saveLibraryScenario(s, expected));
    if (r.ok) {
      setRevision(r.value.revision);
      setSaved(s);
      setConflict(null);
    } else if (r.error.code === 'scenario/conflict') {
      setConflict(r.error);
      setError(null);
    }
  };
  /** After a conflict: keep this edit, on top of whatever was saved meanwhile (or again, if it was removed). */
  const overwrite = async () => {
    const current = await run(() => bridge.getLibraryScenario(s.id));
    if (current.ok) await save(current.value.revision);
    else if (current.error.code === 'scenario/unknown') await save(0);
  };
  /** After a conflict: take what was saved meanwhile, dropping this edit. */
  const reload = async () => {
    const current = await run(() => bridge.getLibraryScenario(s.id));
    if (!current.ok) return;
    setS(current.value.scenario);
    setSaved(current.value.scenario);
    setRevision(current.value.revision);
    setConflict(null);
    await bridge.discardScenarioDraft(s.id);
  };
  const takeLayout = async (id: string) => {
    const r = await run(() => bridge.getLayout(id));
    if (r.ok) set({ layout: r.value.layout, dataBindings: s.dataBindings.filter((b) => !b.panelId || r.value.layout.panels.some((p) => p.id === b.panelId)) });
  };
  if (rehearse) return <Rehearsal scenario={s} onClose={() => setRehearse(false)} />;

  const text = (label: string, value: string, onChange: (v: string) => void, testId: string) => (
    <label className="scenario-form__field">
      {label}
      <input data-testid={testId} value={value} onChange={(e) => onChange(e.currentTarget.value)} />
    </label>
  );
  return (
    <section className="scenario-form" data-testid="scenario-form" data-scenario={s.id} data-revision={revision} data-dirty={dirty} data-autosave={autosave}>
      <h2>
        {s.name[language]} <code>{s.id}</code>
      </h2>
      {doc.draftAt !== undefined && (
        <p className="scenarios__help" role="status" data-testid="scenario-draft-restored">
          {t('scenarios.draftRestored', { time: formatDateTime(language, doc.draftAt) })}
        </p>
      )}
      <div className="scenario-form__grid">
        {text(t('scenarios.nameVi'), s.name.vi, (v) => set({ name: { ...s.name, vi: v } }), 'scenario-name-vi')}
        {text(t('scenarios.nameEn'), s.name.en, (v) => set({ name: { ...s.name, en: v } }), 'scenario-name-en')}
        {text(t('scenarios.descriptionVi'), s.description?.vi ?? '', (v) => set({ description: { vi: v, en: s.description?.en ?? v } }), 'scenario-desc-vi')}
        {text(t('scenarios.descriptionEn'), s.description?.en ?? '', (v) => set({ description: { vi: s.description?.vi ?? v, en: v } }), 'scenario-desc-en')}
        <label className="scenario-form__field">
          {t('scenarios.severity')}
          <select data-testid="scenario-severity" value={s.severity} onChange={(e) => set({ severity: SeveritySchema.parse(e.currentTarget.value) })}>
            {SeveritySchema.options.map((o) => (
              <option key={o} value={o}>
                {t(`leader.severity.${o}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="scenario-form__field">
          {t('scenarios.layout')}
          <select data-testid="scenario-layout" value="" onChange={(e) => e.currentTarget.value && void takeLayout(e.currentTarget.value)}>
            <option value="">
              {s.layout.name} ({s.layout.panels.length})
            </option>
            {layouts.map((l) => (
              <option key={l.id} value={l.id}>
                {t('scenarios.replaceWith', { name: l.name })}
              </option>
            ))}
          </select>
        </label>
        <label className="scenario-form__field">
          {t('scenarios.autoRevert')}
          <input type="number" min={1} data-testid="scenario-auto-revert" value={s.autoRevertSeconds ? s.autoRevertSeconds / 60 : ''} onChange={(e) => {
            const minutes = Number(e.currentTarget.value);
            const { autoRevertSeconds: _old, ...rest } = s;
            setS(e.currentTarget.value === '' || !(minutes > 0) ? rest : { ...rest, autoRevertSeconds: Math.round(minutes * 60) });
          }} />
        </label>
        <label className="scenario-form__field">
          {t('scenarios.handCameras')}
          <select data-testid="scenario-hand-cameras" value={s.handCameras ?? 'clear'} onChange={(e) => {
            const { handCameras: _old, ...rest } = s;
            // 'clear' is the default: saved as absent, so a scenario that never set it is unchanged.
            setS(e.currentTarget.value === 'keep' ? { ...rest, handCameras: 'keep' } : rest);
          }}>
            {(['clear', 'keep'] as const).map((o) => (
              <option key={o} value={o}>
                {t(`scenarios.handCameras.${o}`)}
              </option>
            ))}
          </select>
        </label>
        {(['west', 'south', 'east', 'north'] as const).map((k) => (
          <label key={k} className="scenario-form__field">
            {t(`scenarios.extent.${k}`)}
            <input type="number" step="any" value={s.mapExtent[k]} onChange={(e) => set({ mapExtent: { ...s.mapExtent, [k]: Number(e.currentTarget.value) } })} />
          </label>
        ))}
      </div>
      <ChecklistEditor items={s.checklist ?? []} onChange={(checklist) => set({ checklist })} />
      {issues.length > 0 && (
        <ul className="props__issues" role="alert" data-testid="scenario-issues">
          {issues.map((i) => (
            <li key={`${formatPath(i.path)}:${i.message}`}>
              <code>{formatPath(i.path)}</code> {i.message}
            </li>
          ))}
        </ul>
      )}
      <CommandError error={error} />
      {conflict && <ConflictDialog question={t('scenarios.conflict')} conflict={conflict} busy={busy} onReload={() => void reload()} onOverwrite={() => void overwrite()} />}
      {leaving && (
        <div className="conflict" role="alertdialog" data-testid="unsaved" aria-label={t('scenarios.unsavedTitle')}>
          <p>{t('scenarios.unsaved')}</p>
          <button type="button" data-testid="unsaved-stay" onClick={() => setLeaving(false)}>
            {t('scenarios.keepEditing')}
          </button>
          <button type="button" className="danger" data-testid="unsaved-discard" onClick={() => void discard()}>
            {t('scenarios.discard')}
          </button>
        </div>
      )}
      <div className="scenario-form__actions">
        <button type="button" className="primary" data-testid="scenario-save" disabled={busy || issues.length > 0 || conflict !== null} onClick={() => void save()}>
          {t('editor.save')}
        </button>
        <button type="button" data-testid="scenario-rehearse" onClick={() => setRehearse(true)}>
          {t('scenarios.rehearse')}
        </button>
        <button type="button" data-testid="scenario-close" onClick={() => (dirty ? setLeaving(true) : onClose())}>
          {t('editor.close')}
        </button>
        <span className="scenarios__help">{revision > 0 ? t('editor.savedAt', { revision }) : t('scenarios.notSaved')}
          {dirty && checked.success ? ` · ${t('editor.unsaved', { state: t(`editor.autosave.${autosave}`) })}` : ''}</span>
      </div>
    </section>
  );
}
