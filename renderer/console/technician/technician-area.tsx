import { useWallState } from '../../state/store-context.js';
import { TechnicianPanel } from './technician-panel.js';

// The console area for technicians and administrators (renderer/console/areas.tsx).
export function TechnicianArea() {
  const { state, statuses } = useWallState();
  return state ? <TechnicianPanel state={state} statuses={statuses} /> : null;
}
