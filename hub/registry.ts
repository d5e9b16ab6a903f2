// The wall nodes connected now: which wall each drives and which of its screens. Several nodes may
// drive one wall, each its own screens; a node that reconnects replaces its old connection.

export interface NodeInfo {
  nodeId: string;
  wallId: string;
  screens: string[];
  connectionId: string;
  address: string;
  protocol: number;
  connectedAt: number;
}

export type Registration = { ok: true; replaced: NodeInfo | null } | { ok: false; message: string };

export class NodeRegistry {
  private readonly nodes = new Map<string, NodeInfo>();

  register(info: NodeInfo): Registration {
    const old = this.nodes.get(info.nodeId) ?? null;
    if (old && old.wallId !== info.wallId) {
      return { ok: false, message: `node "${info.nodeId}" is connected for wall "${old.wallId}"; one node id drives one wall` };
    }
    for (const other of this.nodes.values()) {
      if (other.nodeId === info.nodeId || other.wallId !== info.wallId) continue;
      const shared = info.screens.filter((s) => other.screens.includes(s));
      if (shared.length) {
        return { ok: false, message: `screen(s) ${shared.join(', ')} of wall "${info.wallId}" are driven by node "${other.nodeId}"; give each node its own screens` };
      }
    }
    this.nodes.set(info.nodeId, info);
    return { ok: true, replaced: old };
  }

  /** Forget a node, unless it has reconnected since on another connection. */
  unregister(nodeId: string, connectionId: string): NodeInfo | null {
    const node = this.nodes.get(nodeId);
    if (!node || node.connectionId !== connectionId) return null;
    this.nodes.delete(nodeId);
    return node;
  }

  get(nodeId: string): NodeInfo | undefined {
    return this.nodes.get(nodeId);
  }

  nodesOf(wallId: string): NodeInfo[] {
    return [...this.nodes.values()].filter((n) => n.wallId === wallId);
  }

  all(): NodeInfo[] {
    return [...this.nodes.values()];
  }
}
