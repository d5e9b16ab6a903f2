import type { ReactNode } from 'react';
import type { AccountRole } from '../../common/auth.js';
import type { MessageKey } from '../i18n/use-t.js';
import { AccountsArea } from './accounts/accounts-area.js';
import { AuditArea } from './audit/audit-area.js';
import { LayoutsArea } from './layouts/layouts-area.js';
import { LeaderArea } from './leader/leader-area.js';
import { ProcedureArea } from './procedure/procedure-area.js';
import { ScenariosArea } from './scenarios/scenarios-area.js';
import { TechnicianArea } from './technician/technician-area.js';
import { WallArea } from './wall-area.js';

// The console's areas and who sees each. Hiding an area is only a convenience: the main process
// checks every command against the signed-in role (common/contract.ts, `users`).
export interface ConsoleArea {
  id: string;
  label: MessageKey;
  roles: readonly AccountRole[];
  render: () => ReactNode;
}

export const consoleAreas: readonly ConsoleArea[] = [
  { id: 'wall', label: 'area.wall', roles: ['operator', 'leader', 'technician', 'admin'], render: () => <WallArea /> },
  { id: 'procedure', label: 'area.procedure', roles: ['operator', 'leader', 'technician', 'admin'], render: () => <ProcedureArea /> },
  { id: 'technician', label: 'area.technician', roles: ['technician', 'admin'], render: () => <TechnicianArea /> },
  { id: 'leader', label: 'area.leader', roles: ['operator', 'leader', 'admin'], render: () => <LeaderArea /> },
  { id: 'layouts', label: 'area.layouts', roles: ['operator', 'admin'], render: () => <LayoutsArea /> },
  { id: 'scenarios', label: 'area.scenarios', roles: ['operator', 'leader', 'admin'], render: () => <ScenariosArea /> },
  { id: 'audit', label: 'area.audit', roles: ['leader', 'admin'], render: () => <AuditArea /> },
  { id: 'accounts', label: 'area.accounts', roles: ['admin'], render: () => <AccountsArea /> },
];

export function areasFor(role: AccountRole): ConsoleArea[] {
  return consoleAreas.filter((a) => a.roles.includes(role));
}
