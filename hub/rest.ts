import type http from 'node:http';
import { z } from 'zod';
import { CAMERA_CATALOGUE_KEY, DataBatchSchema } from '../common/protocol/data.js';
import type { Ack } from '../common/protocol/errors.js';
import { PROTOCOL_VERSIONS } from '../common/protocol/handshake.js';
import { IdSchema, RequestIdSchema } from '../common/protocol/primitives.js';
import { check, MAX_EVENT_BYTES } from '../common/protocol/validate.js';
import type { Logger } from '../node-common/log.js';
import { TokenBuckets, type RateLimit } from '../node-common/rate-limit.js';
import type { HubCore } from './core.js';
import type { HubHealth } from './health.js';
import type { Sources } from './sources/sources.js';
import { tokenTag } from '../node-common/tokens.js';
import type { GrantRole, TokenBook, TokenGrant } from './tokens.js';

// The REST side of the hub: scenarios, walls, proposals, rules, the audit log, and data pushed by a
// province's own feeds. Answers are JSON { ok, value } or { ok: false, error: { code, message } }.

const READ: readonly GrantRole[] = ['node', 'viewer', 'operator', 'leader', 'admin'];
const LEAD: readonly GrantRole[] = ['leader', 'admin'];
const STATUS: Record<string, number> = {
  'bad-token': 401, forbidden: 403, 'unknown-scenario': 404, 'unknown-proposal': 404, 'unknown-wall': 404,
  'wrong-wall': 409, 'invalid-payload': 400, 'too-large': 413, 'unknown-event': 404, 'store-unavailable': 503, internal: 500,
};
const ActivateBody = z.strictObject({ wallId: IdSchema.optional() });

type Route = { method: string; pattern: RegExp; roles: readonly GrantRole[] | null; audited?: string; run: (ctx: Ctx) => Promise<Ack<unknown>> | Ack<unknown> };
interface Ctx { grant: TokenGrant; params: string[]; body: () => Promise<Ack<unknown>>; text: (limit: number) => Promise<Ack<string>>; origin: string; url: URL; headers: http.IncomingHttpHeaders }
/** A pushed CAP document's ceiling before its source's own maxBytes (checked by the parser). */
const CAP_MAX_BYTES = 10 * 1024 * 1024;

/** Per client address: enough for a console and a province's feeds, not for a flood. */
export const REST_RATE_LIMIT: RateLimit = { burst: 60, perSecond: 20 };

export function createRestHandler(core: HubCore, tokens: TokenBook, log: Logger, now: () => number, sources: Sources, limit: RateLimit = REST_RATE_LIMIT, health?: () => Promise<HubHealth>) {
  const buckets = new TokenBuckets(limit, now);
  const actor = (g: TokenGrant) => ({ name: g.name, role: g.role === 'node' || g.role === 'viewer' ? ('operator' as const) : g.role });
  const routes: Route[] = [
    { method: 'GET', pattern: /^\/api\/?$/, roles: READ, run: () => ok(index()) },
    { method: 'GET', pattern: /^\/api\/scenarios$/, roles: READ, run: async () => ok(await core.store.scenarios()) },
    { method: 'GET', pattern: /^\/api\/walls$/, roles: READ, run: async () => ok(await walls()) },
    { method: 'GET', pattern: /^\/api\/walls\/([^/]+)\/health$/, roles: READ, run: ({ params }) => ok(core.health.of(params[0] ?? '')) },
    { method: 'GET', pattern: /^\/api\/proposals$/, roles: READ, run: () => ok(core.allProposals()) },
    { method: 'GET', pattern: /^\/api\/rules$/, roles: READ, run: () => ok(core.ruleList()) },
    /** The camera catalogue (id, names, place, road, coordinates, tags, online/offline), as the walls get it. */
    { method: 'GET', pattern: /^\/api\/cameras$/, roles: READ, run: () => ok(cameraCatalogue(core)) },
    { method: 'GET', pattern: /^\/api\/audit$/, roles: LEAD, run: async ({ url }) => ok(await core.store.recentAudit(Number(url.searchParams.get('limit') ?? 100) || 100)) },
    {
      method: 'POST', pattern: /^\/api\/scenarios\/([^/]+)\/activate$/, roles: null, audited: 'scenario.activate',
      run: async ({ grant, params, body, origin, headers }) => {
        const parsed = await body();
        if (!parsed.ok) return parsed;
        const checked = check(ActivateBody, 'body', parsed.value ?? {});
        if (!checked.ok) return checked;
        const key = idempotencyKey(headers);
        if (!key.ok) return key;
        // Scoped by token: one client's key never answers another's request.
        const scoped = key.value === null ? {} : { idempotencyKey: `rest ${grant.name}: ${key.value}` };
        return core.activate({ scenarioId: params[0] ?? '', ...checked.value, ...scoped, actor: actor(grant), origin, source: 'rest' });
      },
    },
    { method: 'POST', pattern: /^\/api\/walls\/([^/]+)\/revert$/, roles: null, audited: 'scenario.revert', run: ({ grant, params, origin }) => core.revert({ wallId: params[0] ?? '', actor: actor(grant), origin }) },
    { method: 'POST', pattern: /^\/api\/proposals\/([^/]+)\/confirm$/, roles: null, audited: 'proposal.confirm', run: ({ grant, params, origin }) => core.confirmProposal({ proposalId: params[0] ?? '', actor: actor(grant), origin }) },
    { method: 'POST', pattern: /^\/api\/proposals\/([^/]+)\/dismiss$/, roles: null, audited: 'proposal.dismiss', run: ({ grant, params, origin }) => core.dismissProposal({ proposalId: params[0] ?? '', actor: actor(grant), origin }) },
    {
      // The SOC's SIEM posts its alerts here (Wazuh's JSON, one alert or an array): docs/sources.md.
      method: 'POST', pattern: /^\/api\/soc\/wazuh$/, roles: ['admin'], audited: 'soc.ingest',
      run: async ({ body }) => {
        const parsed = await body();
        if (!parsed.ok) return parsed;
        const result = core.ingestWazuh(parsed.value);
        if (result.accepted === 0) return { ok: false, error: { code: 'invalid-payload', message: result.refused[0]?.message ?? 'no alert in the body' } };
        return ok(result);
      },
    },
    {
      method: 'POST', pattern: /^\/api\/data$/, roles: ['admin'], audited: 'data.publish',
      run: async ({ body }) => {
        const parsed = await body();
        const checked = parsed.ok ? check(DataBatchSchema, 'body', parsed.value) : parsed;
        if (!checked.ok) {
          sources.webhook.refuse(`${checked.error.code}: ${checked.error.message}`);
          return checked;
        }
        sources.webhook.accept(checked.value.entries);
        // Answered once what the rules did with these values is stored: the caller sees its effect.
        await core.rulesSettled();
        return ok({ accepted: checked.value.entries.length });
      },
    },
    {
      method: 'POST', pattern: /^\/api\/sources\/([^/]+)\/cap$/, roles: ['admin'], audited: 'cap.push',
      run: async ({ params, text }) => {
        const source = sources.cap(params[0] ?? '');
        if (!source) return { ok: false, error: { code: 'unknown-event', message: `no CAP source "${String(params[0]).slice(0, 64)}" in config/sources` } };
        const body = await text(CAP_MAX_BYTES);
        if (!body.ok) {
          source.push(''); // counted on the source's health
          return body;
        }
        const pushed = source.push(body.value);
        return pushed.ok ? pushed : { ok: false, error: { code: 'invalid-payload', message: pushed.message } };
      },
    },
    { method: 'GET', pattern: /^\/api\/sources$/, roles: READ, run: () => ok({ sources: sources.list(), problems: sources.problems }) },
    {
      method: 'GET', pattern: /^\/api\/sources\/([^/]+)$/, roles: READ,
      run: ({ params }) => {
        const found = sources.list().find((s) => s.id === params[0]);
        return found ? ok(found) : { ok: false, error: { code: 'unknown-event', message: `no source "${String(params[0]).slice(0, 64)}"; GET /api/sources lists them` } };
      },
    },
  ];

  function index() {
    return { hub: 'Toàn Cảnh hub', protocol: PROTOCOL_VERSIONS, time: now(), endpoints: routes.map((r) => `${r.method} ${r.pattern.source.replace(/\\\//g, '/').replace(/\(\[\^\/\]\+\)/g, '<id>').replace(/^\^|\/\?|\$$/g, '')}`) };
  }

  function cameraCatalogue(hub: HubCore) {
    const entry = hub.dataValue(CAMERA_CATALOGUE_KEY);
    return entry?.value.type === 'cameras' ? entry.value.items : [];
  }

  async function walls() {
    const ids = [...new Set([...(await core.store.walls()), ...core.registry.all().map((n) => n.wallId)])].sort();
    return Promise.all(ids.map(async (wallId) => ({
      wallId,
      revision: await core.store.revision(wallId),
      activation: await core.activations.current(wallId),
      result: core.activations.result(wallId),
      // The nodes connected to this hub; with several hubs, each lists its own (GET /api/health says which hub).
      nodes: core.registry.nodesOf(wallId).map(({ nodeId, screens, address, connectedAt }) => ({ nodeId, screens, address, connectedAt })),
    })));
  }

  return async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://hub.invalid');
    const address = req.socket.remoteAddress ?? '?';
    const origin = `rest ${address}`;
    if (!buckets.take(address)) {
      core.refused(address, { name: 'unknown', role: null }, 'rest.rate-limit', url.pathname.slice(0, 100), origin, `refused: rate-limited (${req.method} ${url.pathname.slice(0, 100)})`);
      res.setHeader('Retry-After', '1');
      return send(res, 429, fail('rate-limited', `too many requests from ${address}; at most ${limit.perSecond} a second (bursts of ${limit.burst})`));
    }
    if (url.pathname === '/api/health') {
      const report = health ? await health() : null;
      return send(res, report?.role === 'degraded' ? 503 : 200, ok({ protocol: PROTOCOL_VERSIONS, time: now(), ...report }));
    }
    const candidates = routes.filter((r) => r.pattern.test(url.pathname));
    const route = candidates.find((r) => r.method === req.method);
    if (!route) return send(res, candidates.length ? 405 : 404, fail('unknown-event', candidates.length ? `use ${candidates.map((r) => r.method).join(' or ')}` : `no such endpoint: ${url.pathname.slice(0, 100)}`));
    // Raw until the token is checked: a bad percent-escape is the caller's mistake, answered after auth.
    const raw = (route.pattern.exec(url.pathname) ?? []).slice(1);
    const presented = bearer(req) ?? url.searchParams.get('token');
    const grant = tokens.find(presented);
    const roles = route.roles ?? LEAD;
    if (!grant || !roles.includes(grant.role)) {
      const code = grant ? 'forbidden' : 'bad-token';
      const message = grant ? `the ${grant.role} token "${grant.name}" may not ${route.method} ${url.pathname}` : 'missing or unknown token; send "Authorization: Bearer <token>"';
      if (route.audited) core.refused(address, { name: grant?.name ?? 'unknown', role: grant?.role ?? null }, route.audited, raw.join('/').slice(0, 200) || null, origin, `refused: ${code}${presented ? ` (token ${tokenTag(presented)})` : ' (no token)'}`);
      log.warn('rest request refused', { code, path: url.pathname.slice(0, 200), origin });
      return send(res, grant ? 403 : 401, fail(code, message));
    }
    const params = decodePath(raw);
    if (!params) return send(res, 400, fail('invalid-payload', `the path ${url.pathname.slice(0, 100)} has a bad percent-escape (use %XX with two hex digits for each byte of UTF-8)`));
    const answer = await route.run({ grant, params, origin, url, headers: req.headers, body: () => readJson(req, url.pathname === '/api/data' || url.pathname === '/api/soc/wazuh' ? MAX_EVENT_BYTES : 64 * 1024), text: (limit) => readText(req, limit) });
    send(res, answer.ok ? (req.method === 'POST' ? 202 : 200) : (STATUS[answer.error.code] ?? 400), answer);
  };
}

const ok = <T>(value: T): Ack<T> => ({ ok: true, value });
/** Each path parameter decoded, or null when one is not valid percent-encoded UTF-8. */
function decodePath(raw: string[]): string[] | null {
  try {
    return raw.map((p) => decodeURIComponent(p));
  } catch {
    return null;
  }
}

const fail = (code: 'bad-token' | 'forbidden' | 'unknown-event' | 'rate-limited' | 'invalid-payload', message: string): Ack<never> => ({ ok: false, error: { code, message } });

/** The request's Idempotency-Key header (null when absent): a repeat with the same key gets the first answer. */
function idempotencyKey(headers: http.IncomingHttpHeaders): Ack<string | null> {
  const value = headers['idempotency-key'];
  if (value === undefined) return ok(null);
  const parsed = RequestIdSchema.safeParse(value);
  if (parsed.success) return ok(parsed.data);
  return { ok: false, error: { code: 'invalid-payload', message: 'the Idempotency-Key header takes 8–128 visible ASCII characters (a UUID fits), once' } };
}

function bearer(req: http.IncomingMessage): string | null {
  const header = req.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1] ?? null;
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  res.end(text);
}

/** The body as JSON (an empty body is null); refused above `limit` bytes without reading it all. */
async function readJson(req: http.IncomingMessage, limit: number): Promise<Ack<unknown>> {
  const body = await readText(req, limit);
  if (!body.ok) return body;
  const text = body.value.trim();
  if (!text) return { ok: true, value: null };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, error: { code: 'invalid-payload', message: 'the body is not valid JSON' } };
  }
}

/** The body as UTF-8 text, refused above `limit` bytes without reading it all. */
function readText(req: http.IncomingMessage, limit: number): Promise<Ack<string>> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (answer: Ack<string>) => {
      if (done) return;
      done = true;
      resolve(answer);
    };
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        finish({ ok: false, error: { code: 'too-large', message: `the body is larger than ${limit} bytes` } });
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', () => finish({ ok: false, error: { code: 'invalid-payload', message: 'the request body could not be read' } }));
    req.on('end', () => finish({ ok: true, value: Buffer.concat(chunks).toString('utf8') }));
  });
}
