import type http from 'node:http';
import { Server, type Namespace, type Socket } from 'socket.io';
import { describeIssues } from '../common/contract.js';
import { protocolError, type Ack } from '../common/protocol/errors.js';
import { HEARTBEAT, HUB_NAMESPACE, HUB_SOCKET_PATH, HandshakeAuthSchema, PROTOCOL_VERSIONS, negotiateVersion, type HandshakeAuth, type Refusal } from '../common/protocol/handshake.js';
import { HARD_LIMIT_BYTES, parseNodeEvent } from '../common/protocol/validate.js';
import type { Logger } from '../node-common/log.js';
import type { HubCore, Sender } from './core.js';
import type { NodeInfo } from './registry.js';
import { tokenTag } from '../node-common/tokens.js';
import type { TokenBook } from './tokens.js';
import { TokenBuckets, type RateLimit } from '../node-common/rate-limit.js';

/** Per node connection: a wall's acknowledgements and commands come a few a second, bursts of a whole wall's screens. */
export const EVENT_RATE_LIMIT: RateLimit = { burst: 200, perSecond: 50 };

// The /wall namespace: wall nodes connect here. The handshake is checked before the connection is
// accepted; then every event goes through one gate (size, name, schema) and is answered.

interface NodeData {
  auth: HandshakeAuth;
  protocol: number;
}

const refusal = (r: Refusal): Error => Object.assign(new Error(r.message), { data: r });

export class HubSockets {
  /** How the hub core reaches the nodes: one room per wall, or all of them. */
  readonly sender: Sender;
  private readonly io: Server;
  private readonly nsp: Namespace;
  private core: HubCore | null = null;

  private readonly buckets: TokenBuckets;

  constructor(server: http.Server, private readonly tokens: TokenBook, private readonly log: Logger, private readonly now: () => number, limit: RateLimit = EVENT_RATE_LIMIT) {
    this.buckets = new TokenBuckets(limit, now);
    this.io = new Server(server, {
      path: HUB_SOCKET_PATH,
      serveClient: false,
      ...HEARTBEAT,
      maxHttpBufferSize: HARD_LIMIT_BYTES,
    });
    this.nsp = this.io.of(HUB_NAMESPACE);
    this.io.of('/').use((_socket, next) => next(refusal({ code: 'bad-handshake', message: `connect to the ${HUB_NAMESPACE} namespace` })));
    this.nsp.use((socket, next) => this.admit(socket, next));
    this.nsp.on('connection', (socket: Socket) => this.join(socket));
    this.sender = {
      toWall: (wallId, event, payload, options) => void (options?.local ? this.nsp.local : this.nsp).to(room(wallId)).emit(event, payload),
      toAll: (event, payload) => void this.nsp.emit(event, payload),
    };
  }

  /** The socket.io server, for the Redis adapter of a hub that shares its walls with others. */
  get server(): Server {
    return this.io;
  }

  /** The core is made with the sender, so it comes second; until then every node is turned away. */
  bind(core: HubCore): void {
    this.core = core;
  }

  /** Disconnects every node and closes socket.io (and with it the HTTP server it is attached to). */
  close(): Promise<void> {
    return new Promise<void>((resolve) => {
      this.nsp.disconnectSockets(true);
      void this.io.close(() => resolve());
    });
  }

  /** The handshake gate: schema, token, protocol version, before the connection is accepted. */
  private admit(socket: Socket, next: (err?: Error) => void): void {
    const { core, log, tokens } = this;
    const address = socket.handshake.address;
    const parsed = HandshakeAuthSchema.safeParse(socket.handshake.auth);
    if (!parsed.success) {
      log.warn('node refused: bad handshake', { address, issues: describeIssues(parsed.error).slice(0, 500) });
      return next(refusal({ code: 'bad-handshake', message: `handshake auth: ${describeIssues(parsed.error).slice(0, 1500)}` }));
    }
    const auth = parsed.data;
    const grant = tokens.find(auth.token);
    if (!grant || grant.role !== 'node') {
      const code = grant ? 'forbidden' : 'bad-token';
      const message = grant ? `a ${grant.role} token cannot connect as a wall node` : 'the token is not known to this hub';
      core?.refused(address, { name: grant?.name ?? 'unknown', role: grant?.role ?? null }, 'node.connect', `${auth.nodeId} → ${auth.wallId}`, `node ${auth.nodeId} (${address})`, `refused: ${code} (token ${tokenTag(auth.token)})`);
      log.warn('node refused', { code, address, nodeId: auth.nodeId });
      return next(refusal({ code, message }));
    }
    const protocol = negotiateVersion(auth.protocol);
    if (protocol === null) {
      log.warn('node refused: no common protocol version', { address, offered: auth.protocol });
      return next(refusal({ code: 'protocol-unsupported', message: `this hub speaks protocol ${PROTOCOL_VERSIONS.min}–${PROTOCOL_VERSIONS.max}`, supported: { ...PROTOCOL_VERSIONS } }));
    }
    socket.data = { auth, protocol } satisfies NodeData;
    next();
  }

  /** An admitted node joins its wall's room, gets the full state again, and is heard from event by event. */
  private join(socket: Socket): void {
    // A client may send an event named "error"; with no listener Node would throw.
    socket.on('error', (err) => this.log.warn('socket error', { error: String(err) }));
    const core = this.core;
    if (!core) return void socket.disconnect(true);
    const { auth, protocol } = socket.data as NodeData;
    const address = socket.handshake.address;
    // Events that arrive while the store is read wait for the resync, so they are handled in order after it.
    const joined = core.connectNode(auth, protocol, socket.id, address).then((answer) => {
      if (!answer.ok) {
        socket.emit('hub:error', answer.error);
        socket.disconnect(true);
        return false;
      }
      if (!socket.connected) {
        core.disconnectNode(auth.nodeId, socket.id, 'left during the resync');
        return false;
      }
      const replaced = answer.value.replaced && this.nsp.sockets.get(answer.value.replaced.connectionId);
      if (replaced) {
        // Said before the close, so the old connection's node knows why it was dropped (§2).
        replaced.emit('hub:error', { code: 'forbidden', message: `replaced by a newer connection of node "${auth.nodeId}" (${address})` });
        replaced.disconnect(true);
      }
      void socket.join(room(auth.wallId));
      for (const [event, payload] of answer.value.resync) socket.emit(event, payload);
      return true;
    });
    let queue: Promise<unknown> = joined;
    socket.onAny((event: unknown, ...args: unknown[]) => {
      // clock:sync is answered as it comes (after the resync), not behind acknowledgements waiting on the
      // store: its times must not include that wait (§7), and its answer is the node's sign that this hub lives.
      if (event === 'clock:sync') {
        return void joined.then(async (ok) => {
          if (ok) await this.handle(socket, auth, address, event, args);
        });
      }
      queue = queue.then(async () => {
        if (await joined) await this.handle(socket, auth, address, event, args);
      });
    });
    socket.on('disconnect', (reason) => {
      // A forged "disconnect" event arrives while still connected: ignore it.
      if (socket.connected) return;
      this.buckets.forget(socket.id);
      void joined.then((ok) => ok && core.disconnectNode(auth.nodeId, socket.id, reason));
    });
  }

  /** One gate for every node event: size, name and schema, then the node's own connection, then the answer. */
  private async handle(socket: Socket, auth: HandshakeAuth, address: string, event: unknown, args: unknown[]): Promise<void> {
    const { core, log } = this;
    const receivedAt = this.now();
    const last = args.at(-1);
    const ack = typeof last === 'function' ? (args.pop() as (answer: unknown) => void) : null;
    const reply = (answer: Ack<unknown>): void => {
      if (ack) ack(answer);
      else if (!answer.ok) socket.emit('hub:error', { ...answer.error, event: String(event).slice(0, 100) });
    };
    if (event === 'disconnect' || event === 'error') return;
    if (!this.buckets.take(socket.id)) {
      core?.refused(address, { name: auth.nodeId, role: 'node' }, 'node.rate-limit', String(event).slice(0, 80), `node ${auth.nodeId} (${address})`, 'refused: rate-limited');
      return reply(protocolError('rate-limited', 'too many events on this connection; slow down'));
    }
    try {
      const parsed = args.length === 1 ? parseNodeEvent(event, args[0]) : protocolError('invalid-payload', 'send exactly one payload argument');
      if (!parsed.ok) {
        log.warn('node event refused', { nodeId: auth.nodeId, event: String(event).slice(0, 80), code: parsed.error.code, message: parsed.error.message.slice(0, 300) });
        return reply(parsed);
      }
      const node = core?.registry.get(auth.nodeId);
      if (!core || !node || node.connectionId !== socket.id) return reply(protocolError('forbidden', 'this connection has been replaced by a newer one of the same node'));
      core.health.heard(node);
      reply(await this.dispatch(core, node, address, parsed.value, receivedAt));
    } catch (err) {
      log.error('node event failed', { nodeId: auth.nodeId, event: String(event).slice(0, 80), error: String(err) });
      reply(protocolError('internal', 'the hub failed to handle this event'));
    }
  }

  private async dispatch(hub: HubCore, node: NodeInfo, address: string, parsed: Extract<ReturnType<typeof parseNodeEvent>, { ok: true }>['value'], receivedAt: number): Promise<Ack<unknown>> {
    const origin = `node ${node.nodeId} (${address})`;
    const own = (wallId: string) => (wallId === node.wallId ? null : protocolError('wrong-wall', `node "${node.nodeId}" drives wall "${node.wallId}", not "${wallId}"`));
    switch (parsed.event) {
      case 'clock:sync':
        return { ok: true, value: { t0: parsed.payload.t0, t1: receivedAt, t2: this.now() } };
      case 'wall:ack':
        return hub.acknowledge(node, parsed.payload);
      case 'scenario:activate': {
        const { requestId, ...payload } = parsed.payload;
        // Scoped by node: two nodes cannot answer each other's requests.
        const key = requestId === undefined ? {} : { idempotencyKey: `node ${node.nodeId}: ${requestId}` };
        return own(payload.wallId) ?? (await hub.activate({ ...payload, ...key, origin, via: node.nodeId, source: 'console' }));
      }
      case 'scenario:revert':
        return own(parsed.payload.wallId) ?? hub.revert({ ...parsed.payload, origin, via: node.nodeId });
      case 'proposal:confirm':
      case 'proposal:dismiss': {
        const proposal = (await hub.allProposals()).find((p) => p.id === parsed.payload.proposalId);
        if (proposal && proposal.wallId !== node.wallId) return own(proposal.wallId) as Ack<never>;
        const req = { ...parsed.payload, origin, via: node.nodeId };
        return parsed.event === 'proposal:confirm' ? hub.confirmProposal(req) : hub.dismissProposal(req);
      }
      case 'scenario:publish':
        return own(parsed.payload.scenario.layout.wallId) ?? hub.publishScenario({ ...parsed.payload, origin, via: node.nodeId });
      case 'node:local-activation':
        return hub.reportLocalActivation(node, parsed.payload);
      case 'node:health':
        return hub.reportHealth(node, parsed.payload);
    }
  }

}

const room = (wallId: string): string => `wall:${wallId}`;
