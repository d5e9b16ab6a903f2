import { formatPath } from '../../../../common/contract.js';
import { setPanelProps, setPanelRect, setPanelTitle } from '../../../../common/editor/layout-ops.js';
import { screensCovered } from '../../../../common/editor/span.js';
import { panelPropsIssues } from '../../../../common/panels/registry.js';
import type { WallCanvas } from '../../../../common/wall/geometry.js';
import type { Panel } from '../../../../common/wall/layout-schema.js';
import { useT } from '../../../i18n/use-t.js';
import type { LayoutEditor } from '../use-layout-editor.js';
import { propsSchema } from './json-schema.js';
import { PropField } from './prop-field.js';

// The selected panel: title, exact position and size, and its type's properties, checked by the
// same schema the screens use; every problem is listed with its field.
export function PanelProperties({ editor, panel, canvas }: { editor: LayoutEditor; panel: Panel; canvas: WallCanvas }) {
  const t = useT();
  const schema = propsSchema(panel.type);
  const issues = panelPropsIssues(panel.type, panel.props);
  const setProp = (name: string, value: unknown) => {
    const next = { ...panel.props };
    if (value === undefined) delete next[name];
    else next[name] = value;
    editor.change((l) => setPanelProps(l, panel.id, next));
  };
  const setRect = (key: keyof Panel['rect'], value: string) => {
    const n = Number(value);
    if (Number.isFinite(n) && (key === 'x' || key === 'y' || n >= 1)) editor.change((l) => setPanelRect(l, panel.id, { ...panel.rect, [key]: n }));
  };
  const screens = screensCovered(panel.rect, canvas.viewports).map((s) => s.screenId);
  return (
    <section className="props" data-testid="panel-properties" data-panel={panel.id}>
      <h3>
        {panel.id} <small>({panel.type})</small>
      </h3>
      <p className="props__screens" data-testid="panel-screens">
        {t('editor.onScreens', { screens: screens.join(', ') || '—' })}
      </p>
      <div className="prop">
        <label htmlFor="panel-title">{t('editor.title')}</label>
        <input id="panel-title" data-testid="panel-title" defaultValue={panel.title ?? ''} key={`${panel.id}-${panel.title ?? ''}`} onBlur={(e) => editor.change((l) => setPanelTitle(l, panel.id, e.currentTarget.value))} />
      </div>
      <div className="props__rect">
        {(['x', 'y', 'width', 'height'] as const).map((k) => (
          <label key={k}>
            {k}
            <input type="number" data-testid={`panel-rect-${k}`} key={`${panel.id}-${k}-${panel.rect[k]}`} defaultValue={panel.rect[k]} onBlur={(e) => setRect(k, e.currentTarget.value)} onKeyDown={(e) => e.key === 'Enter' && setRect(k, e.currentTarget.value)} />
          </label>
        ))}
      </div>
      {schema?.properties ? (
        Object.entries(schema.properties).map(([name, field]) => (
          <PropField key={`${panel.id}-${name}`} name={name} schema={field} value={panel.props[name]} required={schema.required?.includes(name) ?? false} onChange={(v) => setProp(name, v)} />
        ))
      ) : (
        <p>{t('editor.noSchema')}</p>
      )}
      {issues.length > 0 && (
        <ul className="props__issues" role="alert" data-testid="prop-issues" data-count={issues.length}>
          {issues.map((i) => (
            <li key={`${formatPath(i.path)}:${i.message}`}>
              <code>{formatPath(['props', ...i.path])}</code> {i.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
