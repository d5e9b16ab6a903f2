// Stacking order for the editor's panels: bottom first by z, then by their order in the layout
// (how the screens draw them). Every change renumbers z as 0, 1, 2… in that order, so "forward" is
// always one visible step.

export type ZMove = 'forward' | 'backward' | 'front' | 'back';

interface Stacked {
  id: string;
  z: number;
}

export function stackOrder<P extends Stacked>(panels: readonly P[]): P[] {
  return panels.map((p, i) => ({ p, i })).sort((a, b) => a.p.z - b.p.z || a.i - b.i).map(({ p }) => p);
}

/** The panels with new z values after moving `id`; the array order is kept. Unknown id: unchanged. */
export function moveInStack<P extends Stacked>(panels: readonly P[], id: string, move: ZMove): P[] {
  const order = stackOrder(panels);
  const at = order.findIndex((p) => p.id === id);
  if (at < 0) return [...panels];
  const [moved] = order.splice(at, 1);
  const to = move === 'front' ? order.length : move === 'back' ? 0 : move === 'forward' ? Math.min(order.length, at + 1) : Math.max(0, at - 1);
  order.splice(to, 0, moved!);
  const z = new Map(order.map((p, i) => [p.id, i]));
  return panels.map((p) => ({ ...p, z: z.get(p.id) ?? p.z }));
}
