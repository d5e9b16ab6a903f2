import { useState } from 'react';
import { splitProblems } from '../../../common/calibration/profile.js';
import type { WallState } from '../../../common/state.js';
import { useLanguage, useT } from '../../i18n/use-t.js';
import { formatDateTime } from '../../i18n/locale.js';
import { useBridge } from '../../state/store-context.js';
import { FilePicker } from '../../ui/file-picker.js';
import { FeedbackView } from './feedback-view.js';
import { useAction } from './use-action.js';

// Calibration profiles: save what is applied on the wall, restore one (as a preview to confirm),
// export it to a file and import one back. A bad file is refused whole, every problem listed.
export function ProfilesPanel({ state }: { state: WallState }) {
  const t = useT();
  const language = useLanguage();
  const bridge = useBridge();
  const action = useAction();
  const [name, setName] = useState('');
  const profiles = state.technician?.profiles ?? [];
  const preview = Boolean(state.technician?.calibration.draft);

  const save = () => void action.run(() => bridge.saveProfile(name)).then((saved) => saved && setName(''));
  const exportFile = (id: string) =>
    void action.run(() => bridge.exportProfile(id)).then((file) => {
      if (!file) return;
      const url = URL.createObjectURL(new Blob([`${JSON.stringify(file, null, 2)}\n`], { type: 'application/json' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `${file.wallId}-${file.name.replace(/[^\p{L}\p{N}_-]+/gu, '-')}.json`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 0);
    });
  const importFile = (file: File) => {
    void file.text().then((text) => action.run(() => bridge.importProfile(text), (error) => (error.code === 'profiles/invalid' ? splitProblems(error.message) : [error.message])));
  };

  return (
    <fieldset className="tech-group" data-testid="profiles">
      <legend>{t('tech.profiles')}</legend>
      <div className="tech-row">
        <input type="text" value={name} maxLength={120} placeholder={t('tech.profiles.name')} data-testid="profile-name" onChange={(e) => setName(e.currentTarget.value)} />
        <button type="button" disabled={action.busy || name.trim() === ''} onClick={save} data-testid="profile-save">
          {t('tech.profiles.save')}
        </button>
      </div>
      {preview && <p className="tech-hint">{t('tech.profiles.savesApplied')}</p>}
      <ul className="tech-profiles" data-testid="profile-list" data-count={profiles.length}>
        {profiles.map((p) => (
          <li key={p.id} data-testid="profile" data-profile-id={p.id} data-name={p.name}>
            <strong>{p.name}</strong> <span className="tech-hint">{formatDateTime(language, p.updatedAt)} · {t('tech.profiles.screens', { n: p.screens })}</span>
            <button type="button" disabled={action.busy} onClick={() => void action.run(() => bridge.loadProfile(p.id))} data-testid="profile-load">
              {t('tech.profiles.load')}
            </button>
            <button type="button" disabled={action.busy} onClick={() => exportFile(p.id)} data-testid="profile-export">
              {t('tech.profiles.export')}
            </button>
            <button type="button" className="danger" disabled={action.busy} onClick={() => void action.run(() => bridge.removeProfile(p.id))} data-testid="profile-remove">
              {t('tech.profiles.remove')}
            </button>
          </li>
        ))}
      </ul>
      <div className="tech-field">
        <FilePicker label={t('tech.profiles.import')} labelClassName="tech-field__label" accept="application/json,.json" disabled={action.busy} testId="profile-import" onFile={importFile} />
      </div>
      <FeedbackView feedback={action.feedback} testId="profile-feedback" />
    </fieldset>
  );
}
