import { z } from 'zod';
import { describeIssues } from '../../common/contract.js';
import type { DataValue } from '../../common/protocol/data.js';
import type { AlertSeverity } from '../../common/rules/readings.js';

// A Wazuh alert (the JSON its manager writes to alerts.json and sends to integrations) as the wall's
// security event. Only the fields the wall shows are read; the rest of a real alert (full_log,
// decoder, data…) is allowed and ignored.

const WazuhAlertSchema = z.looseObject({
  id: z.string().min(1).max(100).optional(),
  /** ISO 8601, e.g. "2026-12-07T18:02:11.123+0700" (Wazuh writes the offset without a colon). */
  timestamp: z.string().min(10).max(40),
  rule: z.looseObject({
    level: z.number().int().min(0).max(16),
    description: z.string().min(1).max(1000),
    id: z.string().max(20).optional(),
    groups: z.array(z.string().max(100)).max(50).optional(),
  }),
  agent: z.looseObject({ id: z.string().max(20).optional(), name: z.string().min(1).max(200), ip: z.string().max(64).optional() }),
  manager: z.looseObject({ name: z.string().max(200) }).optional(),
  location: z.string().max(500).optional(),
});
export type WazuhAlert = z.input<typeof WazuhAlertSchema>;

export type SecurityEvent = Extract<DataValue, { type: 'security-events' }>['items'][number];

/** Wazuh's 0–16 levels on the wall's four: 12 and above are its "high importance" alerts. */
export function severityOfLevel(level: number): AlertSeverity {
  if (level >= 12) return 'critical';
  if (level >= 8) return 'danger';
  if (level >= 4) return 'warning';
  return 'info';
}

function parseTime(text: string): number | null {
  // "+0700" → "+07:00" so every JavaScript engine reads it.
  const t = Date.parse(text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isFinite(t) && t >= 0 ? t : null;
}

export type WazuhParse = { ok: true; event: SecurityEvent; group: string | null } | { ok: false; message: string };

export function parseWazuhAlert(input: unknown): WazuhParse {
  const parsed = WazuhAlertSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: `not a Wazuh alert: ${describeIssues(parsed.error)}`.slice(0, 500) };
  const a = parsed.data;
  const at = parseTime(a.timestamp);
  if (at === null) return { ok: false, message: `timestamp: "${a.timestamp.slice(0, 40)}" is not an ISO 8601 time` };
  const group = a.rule.groups?.find((g) => g !== 'ossec' && g !== 'syslog') ?? a.rule.groups?.[0] ?? null;
  const idText = a.id ?? `${at.toString(36)}-${a.rule.id ?? a.rule.level}-${a.agent.id ?? a.agent.name}`;
  return {
    ok: true,
    group,
    event: {
      id: `w${idText.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 62)}`,
      at,
      source: `Wazuh${group ? `: ${group}` : ''}`.slice(0, 120),
      severity: severityOfLevel(a.rule.level),
      asset: a.agent.name.slice(0, 120),
      description: a.rule.description.slice(0, 300),
      status: 'new',
    },
  };
}
