import type { AuditEntry } from '../../../common/audit.js';
import { useLanguage, useT } from '../../i18n/use-t.js';
import { formatDateTime } from '../../i18n/locale.js';
import { HeadedTable } from '../../ui/headed-table.js';

export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const t = useT();
  const language = useLanguage();
  const when = (at: number) => formatDateTime(language, at);
  return (
    <HeadedTable className="audit__table" headings={[t('audit.col.seq'), t('audit.col.time'), t('audit.col.actor'), t('audit.col.action'), t('audit.col.target'), t('audit.col.result'), t('audit.col.origin')]}>
      <tbody>
        {entries.map((e) => (
          <tr key={e.seq} data-testid="audit-row" data-seq={e.seq} data-action={e.action} data-actor={e.actor} data-ok={String(e.ok)} className={e.ok ? '' : 'is-problem'}>
            <td>{e.seq}</td>
            <td>{when(e.at)}</td>
            <td>
              {e.actor} <span className="audit__role">{e.role}</span>
            </td>
            <td>
              <code>{e.action}</code>
            </td>
            <td>{e.target ?? ''}</td>
            <td className="audit__result" title={e.detail ?? ''}>
              {e.result}
            </td>
            <td className="audit__origin">{e.origin}</td>
          </tr>
        ))}
      </tbody>
    </HeadedTable>
  );
}
