import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import Moveable from 'react-moveable';
import { nudge, isArrow } from '../../../common/editor/nudge.js';
import { snapMove, snapResize, snapTargets, type Edge } from '../../../common/editor/snap.js';
import { screensCovered } from '../../../common/editor/span.js';
import { stackOrder } from '../../../common/editor/z-order.js';
import type { WallCanvas } from '../../../common/wall/geometry.js';
import type { Rect } from '../../../common/wall/schema.js';
import { setPanelRect } from '../../../common/editor/layout-ops.js';
import type { LayoutEditor } from './use-layout-editor.js';
import { useElementWidth } from './use-element-width.js';

// The wall to scale with the layout's panels. react-moveable drags and resizes the selected one and
// shows its guides; when a gesture ends the pure snap (common/editor/snap.ts) has the last word, in
// canvas px, so what is saved does not depend on the console's zoom.

const SNAP_SCREEN_PX = 8; // on the console, whatever the zoom

function edgesOf(direction: number[]): Edge[] {
  const [dx = 0, dy = 0] = direction;
  return [dx < 0 ? 'left' : dx > 0 ? 'right' : null, dy < 0 ? 'top' : dy > 0 ? 'bottom' : null].filter((e): e is Edge => e !== null);
}

export function EditorCanvas({ editor, canvas, grid, snap }: { editor: LayoutEditor; canvas: WallCanvas; grid: number; snap: boolean }) {
  const box = useRef<HTMLDivElement>(null);
  const width = useElementWidth(box);
  const scale = width > 0 ? width / canvas.width : 0;
  const [target, setTarget] = useState<HTMLDivElement | null>(null);
  const edges = useRef<Edge[]>([]);
  const { layout, selected } = editor;
  const targets = useMemo(() => snapTargets(canvas, snap ? grid : 0), [canvas, grid, snap]);
  const px = (r: Rect) => ({ left: r.x * scale, top: r.y * scale, width: r.width * scale, height: r.height * scale });
  const panel = layout.panels.find((p) => p.id === selected);
  const moveable = useRef<Moveable>(null);
  // The box moved under moveable (undo, nudge, a typed value, a resized window): let it measure again.
  useEffect(() => moveable.current?.updateRect(), [panel?.rect, scale, target]);

  /** The element's box now (moveable moved it), back in canvas px, snapped. */
  const finish = (el: HTMLElement, resizing: boolean) => {
    if (!panel || scale === 0) return;
    // The style moveable wrote (fractional px), not offsetLeft/offsetWidth (whole px): a move must keep the size exactly.
    const css = (name: 'left' | 'top' | 'width' | 'height') => Number.parseFloat(el.style[name]) / scale;
    const rounded = resizing
      ? { x: Math.round(css('left')), y: Math.round(css('top')), width: Math.round(css('width')), height: Math.round(css('height')) }
      : { ...panel.rect, x: Math.round(css('left')), y: Math.round(css('top')) };
    const threshold = snap ? SNAP_SCREEN_PX / scale : 0;
    const snapped = resizing ? snapResize(rounded, edges.current, targets, threshold) : snapMove(rounded, targets, threshold);
    editor.change((l) => setPanelRect(l, panel.id, snapped.rect));
    Object.assign(el.style, { left: `${snapped.rect.x * scale}px`, top: `${snapped.rect.y * scale}px`, width: `${snapped.rect.width * scale}px`, height: `${snapped.rect.height * scale}px` });
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (!panel) return;
    if (isArrow(e.key)) {
      e.preventDefault();
      editor.change((l) => setPanelRect(l, panel.id, nudge(panel.rect, e.key as Parameters<typeof nudge>[1], e.shiftKey, canvas)));
    }
  };

  const gridPx = grid * scale;
  return (
    <div className="editor__stage" tabIndex={0} onKeyDown={onKeyDown} data-testid="editor-stage" aria-label="wall">
      <div
        ref={box}
        className="editor__wall"
        data-testid="editor-wall"
        data-scale={scale}
        style={{ aspectRatio: `${canvas.width} / ${canvas.height}`, backgroundSize: gridPx >= 4 ? `${gridPx}px ${gridPx}px` : undefined }}
        onPointerDown={(e) => e.target === box.current && editor.setSelected(null)}
      >
        {canvas.viewports.map((v) => (
          <div key={v.screenId} className="editor__screen" style={px(v.rect)} data-testid={`editor-screen-${v.screenId}`}>
            <span>{v.screenId}</span>
          </div>
        ))}
        {scale > 0 &&
          stackOrder(layout.panels).map((p) => (
            <div
              key={p.id}
              ref={p.id === selected ? setTarget : undefined}
              className={`editor__panel${p.id === selected ? ' is-selected' : ''}`}
              style={px(p.rect)}
              data-testid={`editor-panel-${p.id}`}
              data-rect={`${p.rect.x},${p.rect.y},${p.rect.width},${p.rect.height}`}
              data-screens={screensCovered(p.rect, canvas.viewports).map((s) => s.screenId).join(',')}
              onPointerDown={() => editor.setSelected(p.id)}
            >
              <span>
                {p.title ?? p.id} <small>{p.type}</small>
              </span>
            </div>
          ))}
        {panel && target && scale > 0 && (
          <Moveable
            ref={moveable}
            target={target}
            draggable
            resizable
            origin={false}
            snappable={snap}
            snapThreshold={SNAP_SCREEN_PX}
            snapGridWidth={snap && gridPx >= 4 ? gridPx : 0}
            snapGridHeight={snap && gridPx >= 4 ? gridPx : 0}
            verticalGuidelines={targets.x.filter((l) => l.kind === 'screen').map((l) => l.at * scale)}
            horizontalGuidelines={targets.y.filter((l) => l.kind === 'screen').map((l) => l.at * scale)}
            onDrag={(e) => Object.assign(e.target.style, { left: `${e.left}px`, top: `${e.top}px` })}
            onDragEnd={(e) => e.isDrag && finish(e.target as HTMLElement, false)}
            onResizeStart={(e) => void (edges.current = edgesOf(e.direction))}
            onResize={(e) => Object.assign(e.target.style, { width: `${e.width}px`, height: `${e.height}px`, left: `${e.drag.left}px`, top: `${e.drag.top}px` })}
            onResizeEnd={(e) => e.isDrag && finish(e.target as HTMLElement, true)}
          />
        )}
      </div>
    </div>
  );
}
