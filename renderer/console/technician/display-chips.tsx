import type { MappingIssue } from '../../../common/calibration/mapping.js';
import type { PendingPage } from '../../../common/calibration/technician-state.js';
import type { DetectedDisplay } from '../../../common/wall/plan.js';
import { useT } from '../../i18n/use-t.js';

interface ChipsProps {
  displays: readonly DetectedDisplay[] | null;
  pages: readonly PendingPage[];
  issues: readonly MappingIssue[];
  consoleDisplayId: number | null;
}

// What can be dragged onto a wall position: the displays the shell detected, and browser pages
// waiting with a code. A display the wall does not use is flagged.
export function DisplayChips({ displays, pages, issues, consoleDisplayId }: ChipsProps) {
  const t = useT();
  const unused = new Set(issues.filter((i) => i.code === 'unused-display').map((i) => i.displayId));
  return (
    <div className="mapping__sources">
      <h3>{t('tech.mapping.displays')}</h3>
      {displays === null ? (
        <p className="tech-hint" data-testid="no-display-info">{t('tech.mapping.noDisplayInfo')}</p>
      ) : (
        <ul className="mapping__chips">
          {displays.map((d) => (
            <li
              key={d.id}
              className={`mapping__chip${unused.has(d.id) ? ' is-flagged' : ''}`}
              draggable
              data-testid={`display-${d.id}`}
              data-unused={String(unused.has(d.id))}
              onDragStart={(e) => e.dataTransfer.setData('text/plain', `display:${d.id}`)}
            >
              <strong>{t('tech.mapping.display', { id: d.id })}</strong> {d.label} · {Math.round(d.bounds.width * d.scaleFactor)} × {Math.round(d.bounds.height * d.scaleFactor)}
              {d.rotation ? ` · ${d.rotation}°` : ''}
              {d.id === consoleDisplayId && ` · ${t('tech.mapping.console')}`}
              {unused.has(d.id) && <em> — {t('tech.mapping.unused')}</em>}
            </li>
          ))}
        </ul>
      )}
      <h3>{t('tech.mapping.pages')}</h3>
      {pages.length === 0 ? (
        <p className="tech-hint">{t('tech.mapping.noPages')}</p>
      ) : (
        <ul className="mapping__chips">
          {pages.map((p) => (
            <li key={p.code} className="mapping__chip" draggable data-testid={`page-${p.code}`} onDragStart={(e) => e.dataTransfer.setData('text/plain', `page:${p.code}`)}>
              <strong>{p.code}</strong> {p.assignedTo ? `→ ${p.assignedTo}` : ''}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
