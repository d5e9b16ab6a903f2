import type { PanelViewProps } from '../types.js';

export function SolidView({ props }: PanelViewProps<'solid'>) {
  return <div className="panel-fill" style={{ background: props.color }} />;
}
