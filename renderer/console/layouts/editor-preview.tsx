import type { WallState } from '../../../common/state.js';
import type { WallCanvas } from '../../../common/wall/geometry.js';
import type { Layout } from '../../../common/wall/layout-schema.js';
import { ScreenViewport } from '../../screen/screen-viewport.js';
import { useRef } from 'react';
import { useElementWidth } from './use-element-width.js';

// "Preview on the console": the draft drawn by the screens' own code, scaled down, and nothing sent to
// the wall. Rehearsing a scenario uses the same view.
export function EditorPreview({ state, canvas, layout, testId = 'editor-preview' }: { state: WallState; canvas: WallCanvas; layout: Layout; testId?: string }) {
  const box = useRef<HTMLDivElement>(null);
  const width = useElementWidth(box);
  const scale = width > 0 ? width / canvas.width : 0;
  const shown: WallState = { ...state, layout, identify: false, overrides: [] };
  return (
    <div ref={box} className="editor__preview" data-testid={testId} data-layout={layout.id} style={{ aspectRatio: `${canvas.width} / ${canvas.height}` }}>
      {scale > 0 &&
        canvas.viewports.map((v) => (
          <div key={v.screenId} className="editor__preview-screen" data-testid={`${testId}-screen-${v.screenId}`} style={{ left: v.rect.x * scale, top: v.rect.y * scale, width: v.rect.width * scale, height: v.rect.height * scale }}>
            <ScreenViewport state={shown} viewport={v} scale={scale} />
          </div>
        ))}
    </div>
  );
}
