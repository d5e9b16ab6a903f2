import type { SourceHealth } from '../../common/protocol/data.js';
import { useDataKey } from '../state/data-context.js';
import { useLanguage, useT } from '../i18n/use-t.js';
import { useNow } from '../ui/use-now.js';
import './source-list.css';

// The hub's data sources (config/sources, the hub.sources key) and how each is doing: a failing one
// is why some tiles say "Dữ liệu cũ".
export function SourceList() {
  const t = useT();
  const language = useLanguage();
  const view = useDataKey('hub.sources', 'sources');
  const now = useNow(5000);
  if (view.status !== 'ok' || view.value.items.length === 0) return null;
  const time = (at: number | null) => (at === null ? '—' : new Date(at).toLocaleTimeString(language === 'vi' ? 'vi-VN' : 'en-GB'));
  const age = (s: SourceHealth) => (s.lastSuccessAt === null ? null : Math.round((now - s.lastSuccessAt) / 1000));
  return (
    <section className="source-list" data-testid="sources">
      <h2>{t('sources.title')}</h2>
      <table>
        <tbody>
          {view.value.items.map((s) => (
            <tr key={s.id} data-testid={`source-${s.id}`} data-state={s.state}>
              <td>
                <strong>{s.name ?? s.id}</strong>
                <small>
                  {s.kind} · {s.id}
                </small>
              </td>
              <td className={`source-list__state source-list__state--${s.state}`}>{t(`sources.state.${s.state}`)}</td>
              <td>
                {t('sources.lastSuccess', { time: time(s.lastSuccessAt), age: String(age(s) ?? '—') })}
                {s.errorCount > 0 && <small>{t('sources.errors', { count: String(s.errorCount), error: s.lastError ?? '' })}</small>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
