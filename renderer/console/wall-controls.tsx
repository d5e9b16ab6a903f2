import { useState } from 'react';
import type { Language, WallState } from '../../common/state.js';
import type { AppError, Result } from '../../common/result.js';
import { useErrorText, useT } from '../i18n/use-t.js';
import { useBridge } from '../state/store-context.js';

// The technician's switches. Each is a named command in the core; the screens follow by patch.
export function WallControls({ state }: { state: WallState }) {
  const t = useT();
  const bridge = useBridge();
  const [busy, setBusy] = useState(false);
  const errorText = useErrorText();
  const [failure, setFailure] = useState<AppError | null>(null);

  const run = (action: () => Promise<Result<number>>) => {
    setBusy(true);
    setFailure(null);
    void action().then((r) => {
      setBusy(false);
      if (!r.ok) setFailure(r.error);
    });
  };
  const language = (lang: Language) => (
    <label className="control__choice">
      <input
        type="radio"
        name="language"
        value={lang}
        data-testid={`language-${lang}`}
        checked={state.language === lang}
        disabled={busy}
        onChange={() => run(() => bridge.setLanguage(lang))}
      />
      {t(`console.language.${lang}`)}
    </label>
  );

  return (
    <section className="controls" aria-labelledby="controls-title">
      <h2 id="controls-title">{t('console.controls')}</h2>
      <label className="control">
        <input
          type="checkbox"
          data-testid="toggle-bezel"
          checked={state.wall.bezelCompensation}
          disabled={busy}
          onChange={(e) => run(() => bridge.setBezelCompensation(e.currentTarget.checked))}
        />
        {t('console.bezel')}
      </label>
      <label className="control">
        <input
          type="checkbox"
          data-testid="toggle-identify"
          checked={state.identify}
          disabled={busy}
          onChange={(e) => run(() => bridge.setIdentify(e.currentTarget.checked))}
        />
        {t('console.identify')}
      </label>
      <fieldset className="control">
        <legend>{t('console.language')}</legend>
        {language('vi')}
        {language('en')}
      </fieldset>
      {failure && (
        <p className="controls__failure" role="alert" data-testid="action-error">
          {t('console.actionFailed', { message: errorText(failure) })}
        </p>
      )}
    </section>
  );
}
