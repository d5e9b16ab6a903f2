import { useState } from 'react';
import { useWallState } from '../state/store-context.js';
import { ConsolePage } from './console-page.js';
import { LivePreview } from './preview/live-preview.js';
import { ScreenDetail } from './preview/screen-detail.js';
import { WallSummary } from './preview/wall-summary.js';
import { SourceList } from './source-list.js';

// The live wall: scenario and server first, the clickable preview, then the wall's controls and status.
export function WallArea() {
  const { state, statuses } = useWallState();
  const [selected, setSelected] = useState<string | null>(null);
  if (!state) return null;
  return (
    <div className="wall-area">
      <div className="wall-area__top">
        <WallSummary state={state} />
        <div className="wall-area__preview">
          <LivePreview state={state} statuses={statuses} selected={selected} onSelect={setSelected} />
          {selected && <ScreenDetail state={state} status={statuses.find((s) => s.screenId === selected)} screenId={selected} onClose={() => setSelected(null)} />}
        </div>
      </div>
      <SourceList />
      <ConsolePage />
    </div>
  );
}
