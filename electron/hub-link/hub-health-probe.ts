import http from 'node:http';
import https from 'node:https';
import { z } from 'zod';
import { verdictOf, type HubVerdict } from '../../common/hub-failover.js';

// GET <hub>/api/health (no token; docs/protocol.md §10) for the node's choice of hub: whether a hub says
// it can serve (its store reachable). Checked with the centre's CA like the socket; answers within timeoutMs.

const HealthAnswerSchema = z.looseObject({ ok: z.boolean(), value: z.looseObject({ role: z.string().optional() }).optional() });
const MAX_BODY = 64 * 1024;

export function probeHubHealth(hubUrl: string, options: { ca?: Buffer; timeoutMs: number }): Promise<HubVerdict> {
  const target = new URL('/api/health', hubUrl);
  const client = target.protocol === 'https:' ? https : http;
  const tls = target.protocol === 'https:' ? { rejectUnauthorized: true, ...(options.ca ? { ca: options.ca } : {}) } : {};
  return new Promise((resolve) => {
    let settled = false;
    const done = (verdict: HubVerdict) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(verdict);
    };
    const req = client.get(target, { ...tls, headers: { accept: 'application/json' } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
        if (body.length > MAX_BODY) res.destroy();
      });
      res.on('error', () => done('unreachable'));
      res.on('end', () => {
        let json: unknown = null;
        try {
          json = JSON.parse(body);
        } catch {
          json = null;
        }
        const parsed = HealthAnswerSchema.safeParse(json);
        done(verdictOf(res.statusCode ?? null, parsed.success ? parsed.data.value?.role : undefined));
      });
    });
    req.on('error', () => done('unreachable'));
    const timer = setTimeout(() => {
      req.destroy();
      done('unreachable');
    }, options.timeoutMs);
    timer.unref();
  });
}
