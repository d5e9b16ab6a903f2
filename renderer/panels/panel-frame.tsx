import type { ComponentType } from 'react';
import { formatPath } from '../../common/contract.js';
import { isPanelType, panelPropsIssues, parsePanelProps } from '../../common/panels/registry.js';
import type { Language } from '../../common/state.js';
import type { Panel } from '../../common/wall/layout-schema.js';
import type { Rect } from '../../common/wall/schema.js';
import { useT } from '../i18n/use-t.js';
import { InvalidPanel } from './invalid-panel.js';
import { PanelBoundary } from './panel-boundary.js';
import { PanelFaultsProvider, usePanelFault } from './panel-faults.js';
import { panelViews } from './registry.js';
import type { PanelViewProps } from './types.js';

interface FrameProps {
  panel: Panel;
  local: Rect;
  visible: Rect;
  language: Language;
  viewportOrigin: { x: number; y: number };
}

// Places one panel at its full size (the viewport clips it), checks its props, and keeps its errors in.
export function PanelFrame({ panel, local, visible, language, viewportOrigin }: FrameProps) {
  const t = useT();
  const resetKey = JSON.stringify([panel, local, visible, language]);
  return (
    <div
      className="panel"
      data-panel-id={panel.id}
      data-panel-type={panel.type}
      style={{ left: local.x, top: local.y, width: local.width, height: local.height }}
    >
      <PanelFaultsProvider panelId={panel.id}>
        <PanelBoundary panelId={panel.id} resetKey={resetKey} fallback={(message) => <CrashedPanel title={t('panel.crashed')} message={message} />}>
          <PanelContent panel={panel} local={local} visible={visible} language={language} viewportOrigin={viewportOrigin} />
        </PanelBoundary>
      </PanelFaultsProvider>
    </div>
  );
}

/** A panel that threw: its error on the panel, and for as long as it shows, a fault for the console. */
function CrashedPanel({ title, message }: { title: string; message: string }) {
  usePanelFault('', { kind: 'crashed', message });
  return <InvalidPanel title={title} fields={[message]} />;
}

function PanelContent(frame: FrameProps) {
  const t = useT();
  const { panel } = frame;
  if (!isPanelType(panel.type)) return <InvalidPanel fields={[t('panel.unknownType', { type: panel.type })]} />;
  const props = parsePanelProps(panel.type, panel.props);
  if (!props) {
    const issues = panelPropsIssues(panel.type, panel.props);
    return <InvalidPanel fields={issues.map((i) => `${formatPath(['props', ...i.path])}: ${i.message}`)} />;
  }
  // The type guard ties `props` to `panel.type`; the map lookup loses that link, hence the cast.
  const View = panelViews[panel.type] as ComponentType<PanelViewProps<typeof panel.type>>;
  return <View {...frame} props={props} />;
}
