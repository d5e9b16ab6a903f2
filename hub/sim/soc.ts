import { createRandom, type Random } from '../../common/prng.js';
import type { WazuhAlert } from '../soc/wazuh.js';

// The demo's SOC: Wazuh alerts as a province's SIEM would send them (rule.level, rule.description,
// rule.groups, agent.name, timestamp), posted through the same ingest as a real one (SocBook). Mostly
// routine noise; now and then a brute-force run or malware on a server, the kind that raises the
// cyber-incident scenario.

const AGENTS = ['cong-dvc-01', 'mot-cua-db', 'ioc-web-02', 'email-gw', 'camera-nvr-03', 'qlvb-app', 'vpn-gw', 'pc-vanthu-17'];
const ROUTINE = [
  { level: 3, description: 'Successful sudo to ROOT executed.', groups: ['syslog', 'sudo'] },
  { level: 5, description: 'sshd: authentication failed.', groups: ['syslog', 'sshd', 'authentication_failed'] },
  { level: 7, description: 'Integrity checksum changed.', groups: ['ossec', 'syscheck'] },
  { level: 6, description: 'Web server 400 error code.', groups: ['web', 'accesslog', 'attack'] },
  { level: 4, description: 'Listened ports status (netstat) changed.', groups: ['ossec'] },
];
const SERIOUS = [
  { level: 10, description: 'sshd: brute force trying to get access to the system. Authentication failed.', groups: ['syslog', 'sshd', 'authentication_failures'] },
  { level: 12, description: 'Multiple web server 400 error codes from same source ip (SQL injection attempt).', groups: ['web', 'accesslog', 'attack', 'sql_injection'] },
  { level: 13, description: 'Host-based anomaly detection event (rootcheck): trojaned version of file detected.', groups: ['ossec', 'rootcheck', 'malware'] },
];

const iso = (ms: number) => new Date(ms).toISOString().replace('Z', '+0000');

export function socAlerts(rnd: Random, at: number, seq: number): WazuhAlert[] {
  const count = rnd.int(0, 3);
  const out: WazuhAlert[] = [];
  for (let i = 0; i < count; i++) {
    const serious = rnd.next() < 0.12;
    const list = serious ? SERIOUS : ROUTINE;
    const rule = list[rnd.int(0, list.length - 1)]!;
    const agent = AGENTS[rnd.int(0, AGENTS.length - 1)]!;
    out.push({
      id: `${Math.floor(at / 1000)}.${seq}${i}`,
      timestamp: iso(at - rnd.int(0, 20_000)),
      rule: { ...rule, id: String(5700 + rule.level * 10 + i) },
      agent: { id: String(AGENTS.indexOf(agent) + 1).padStart(3, '0'), name: agent },
      manager: { name: 'wazuh-ioc' },
      location: serious ? '/var/log/auth.log' : 'syscheck',
    });
  }
  return out;
}

/** Posts a few alerts every `everyMs` (real time) to `ingest`; stop() ends it. */
export function startSocSimulator(options: { seed?: number; everyMs?: number }, ingest: (alerts: WazuhAlert[]) => void, now: () => number = Date.now): { stop(): void } {
  const rnd = createRandom((options.seed ?? 20251104) ^ 0x50c);
  let seq = 0;
  const send = () => ingest(socAlerts(rnd, now(), ++seq));
  send();
  const timer = setInterval(send, options.everyMs ?? 5000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
