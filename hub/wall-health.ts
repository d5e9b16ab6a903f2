import { protocolError, type Ack } from '../common/protocol/errors.js';
import type { NodeHealth, NodeHealthEntry, WallHealth } from '../common/protocol/health.js';
import type { NodeInfo } from './registry.js';

// What the hub knows of every node of a wall and its screens' health, connected or not: a node that
// went away stays listed (disconnected, with what it last said) so every console can show which PC
// and which screens are down. Bounded: at most MAX_NODES per wall, a disconnected node forgotten after
// a day or when a newer one needs its place. Consoles get it through `wall:health`, at most once a second.

export const MAX_NODES_PER_WALL = 64;
const FORGET_AFTER_MS = 24 * 3600_000;
const SEND_EVERY_MS = 1000;

export interface WallHealthOptions {
  now: () => number;
  send: (health: WallHealth) => void;
  sendEveryMs?: number;
}

export class WallHealthBook {
  private readonly walls = new Map<string, Map<string, NodeHealthEntry>>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly lastSent = new Map<string, number>();

  constructor(private readonly o: WallHealthOptions) {}

  /** A node (re)connected: listed as connected with its screens; what it said of screens it still drives is kept. */
  connected(node: NodeInfo): void {
    const nodes = this.nodesOf(node.wallId);
    const old = nodes.get(node.nodeId);
    const now = this.o.now();
    nodes.set(node.nodeId, {
      nodeId: node.nodeId,
      connected: true,
      address: node.address.slice(0, 100),
      screens: [...node.screens],
      connectedAt: node.connectedAt,
      lastSeen: now,
      disconnectedAt: null,
      process: old?.process ?? null,
      health: (old?.health ?? []).filter((h) => node.screens.includes(h.screenId)),
    });
    // A screen now registered by this node is no longer another's: stale entries would claim it twice.
    for (const other of nodes.values()) {
      if (other.nodeId === node.nodeId || other.connected) continue;
      other.screens = other.screens.filter((s) => !node.screens.includes(s));
      other.health = other.health.filter((h) => !node.screens.includes(h.screenId));
    }
    this.prune(node.wallId);
    this.changed(node.wallId);
  }

  disconnected(node: NodeInfo): void {
    const entry = this.walls.get(node.wallId)?.get(node.nodeId);
    if (!entry) return;
    entry.connected = false;
    entry.disconnectedAt = this.o.now();
    this.changed(node.wallId, true);
  }

  /** Any event from the node: it is alive now. */
  heard(node: NodeInfo): void {
    const entry = this.walls.get(node.wallId)?.get(node.nodeId);
    if (entry) entry.lastSeen = this.o.now();
  }

  /** A node's `node:health`; its screens' lastSeen is turned from its clock to the hub's with its own offset. */
  report(node: NodeInfo, report: NodeHealth): Ack<null> {
    if (report.wallId !== node.wallId) return protocolError('wrong-wall', `node "${node.nodeId}" drives wall "${node.wallId}", not "${report.wallId}"`);
    const foreign = report.screens.map((s) => s.screenId).filter((id) => !node.screens.includes(id));
    if (foreign.length) return protocolError('forbidden', `screen(s) ${foreign.join(', ')} are not among this node's registered screens (${node.screens.join(', ')})`);
    const entry = this.walls.get(node.wallId)?.get(node.nodeId);
    if (!entry) return protocolError('forbidden', 'this node is not registered; reconnect');
    const offset = report.process.clockOffsetMs ?? 0;
    entry.process = report.process;
    entry.lastSeen = this.o.now();
    entry.health = report.screens.map((s) => ({ ...s, lastSeen: s.lastSeen === null ? null : Math.max(0, Math.round(s.lastSeen + offset)) }));
    this.changed(node.wallId);
    return { ok: true, value: null };
  }

  of(wallId: string): WallHealth {
    const nodes = [...(this.walls.get(wallId)?.values() ?? [])].sort((a, b) => a.nodeId.localeCompare(b.nodeId));
    return { wallId, at: this.o.now(), nodes: nodes.map((n) => ({ ...n, screens: [...n.screens], health: [...n.health] })) };
  }

  close(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }

  private nodesOf(wallId: string): Map<string, NodeHealthEntry> {
    let nodes = this.walls.get(wallId);
    if (!nodes) this.walls.set(wallId, (nodes = new Map()));
    return nodes;
  }

  private prune(wallId: string): void {
    const nodes = this.nodesOf(wallId);
    const now = this.o.now();
    for (const [id, n] of nodes) if (!n.connected && n.disconnectedAt !== null && now - n.disconnectedAt > FORGET_AFTER_MS) nodes.delete(id);
    const gone = [...nodes.values()].filter((n) => !n.connected).sort((a, b) => (a.disconnectedAt ?? 0) - (b.disconnectedAt ?? 0));
    while (nodes.size > MAX_NODES_PER_WALL && gone.length) nodes.delete(gone.shift()!.nodeId);
  }

  /** Send the wall's health now if the last send is old enough, else once the second is up. */
  private changed(wallId: string, now = false): void {
    if (this.timers.has(wallId) && !now) return;
    const every = this.o.sendEveryMs ?? SEND_EVERY_MS;
    const wait = now ? 0 : Math.max(0, (this.lastSent.get(wallId) ?? 0) + every - this.o.now());
    clearTimeout(this.timers.get(wallId));
    const send = (): void => {
      this.timers.delete(wallId);
      this.lastSent.set(wallId, this.o.now());
      this.o.send(this.of(wallId));
    };
    if (wait === 0) return send();
    const timer = setTimeout(send, wait);
    timer.unref();
    this.timers.set(wallId, timer);
  }
}
