import type { Problem } from '../../common/state.js';
import { useLanguage, useT } from '../i18n/use-t.js';
import { formatDateTime } from '../i18n/locale.js';
import { isMessageKey } from '../i18n/translate.js';
import { problemDetail } from './problem-detail.js';

/** The page's own words for a kind of problem, when it has them (the detail stays the schema's). */
function ProblemTitle({ code }: { code: string }) {
  const t = useT();
  const key = `problem.${code}`;
  return isMessageKey(key) ? <strong className="problems__what">{t(key)}: </strong> : null;
}

// Config errors first and loud: the wall keeps its last good state, so nothing else shows them.
export function ProblemList({ problems }: { problems: Problem[] }) {
  const t = useT();
  const language = useLanguage();
  if (problems.length === 0) {
    return (
      <p className="problems problems--none" data-testid="problems" data-count="0">
        {t('console.problems.none')}
      </p>
    );
  }
  return (
    <section className="problems" data-testid="problems" data-count={problems.length} role="alert">
      <h2>
        {t('console.problems')} ({problems.length})
      </h2>
      <ul>
        {problems.map((p) => (
          <li key={`${p.code}|${p.where ?? ''}`} data-testid="problem" data-code={p.code}>
            {p.where && <code className="problems__where">{p.where}</code>}
            <ProblemTitle code={p.code} />
            <span>{problemDetail(p)}</span>
            <time className="problems__at" dateTime={new Date(p.at).toISOString()}>
              {formatDateTime(language, p.at)}
            </time>
          </li>
        ))}
      </ul>
    </section>
  );
}
