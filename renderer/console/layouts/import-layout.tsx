import { useState } from 'react';
import { importLayout, type ImportProblem } from '../../../common/editor/import-layout.js';
import type { WallConfig } from '../../../common/wall/schema.js';
import { useT } from '../../i18n/use-t.js';
import { FilePicker } from '../../ui/file-picker.js';
import type { EditorDoc } from './use-layout-editor.js';

// Import a layout file into the editor (saving is a separate step). A bad file changes nothing and
// every problem is listed with its path.
export function ImportLayout({ wall, revisionOf, onOpen }: { wall: WallConfig; revisionOf: (id: string) => number; onOpen: (doc: EditorDoc) => void }) {
  const t = useT();
  const [problems, setProblems] = useState<ImportProblem[] | null>(null);
  const take = (text: string) => {
    const result = importLayout(text, wall);
    if (!result.ok) return setProblems(result.problems);
    setProblems(null);
    onOpen({ layout: result.layout, baseRevision: revisionOf(result.layout.id), fromDraft: true });
  };
  return (
    <div className="library__import">
      <FilePicker label={t('library.import')} accept="application/json,.json" testId="import-layout" onFile={(file) => void file.text().then(take)} />
      {problems && (
        <div className="library__problems" role="alert" data-testid="import-problems" data-count={problems.length}>
          <p>{t('library.importRefused', { count: problems.length })}</p>
          <ul>
            {problems.map((p, i) => (
              <li key={i} data-testid="import-problem" data-path={p.path}>
                <code>{p.path}</code> {p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
