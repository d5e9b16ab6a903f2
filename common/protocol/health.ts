import { z } from 'zod';
import { IdSchema, MillisSchema, ScreenIdSchema } from './primitives.js';

// Health of a wall's screens, node by node: each node reports its own screens (`node:health`), the hub
// keeps the last report of every node of the wall (bounded) and gives every node the whole wall
// (`wall:health`, and REST), so any console shows which PC and which screens are down. docs/protocol.md §3.12.

/** What can be wrong with a screen, worded by the console (vi, en) from the code; `message` adds the detail. */
export const ScreenFaultCodeSchema = z.enum([
  /** A panel on the screen crashed, a camera has no picture, a map did not draw (the screen's own faults). */
  'panel-crashed',
  'camera',
  'map',
  /** The screen page reported an error (a layout it cannot show, a refused connection). */
  'screen-error',
  /** The window's shape is not the screen's: a rotated screen in an unrotated window, squeezed to fit. */
  'window-shape',
  /** More than one page is open as this screen (two browsers, or a page left open on another PC). */
  'duplicate-screen',
]);
export type ScreenFaultCode = z.infer<typeof ScreenFaultCodeSchema>;

export const ScreenHealthFaultSchema = z.strictObject({
  code: ScreenFaultCodeSchema,
  /** The panel or camera concerned; empty for the screen as a whole. */
  subject: z.string().max(64),
  message: z.string().max(300),
});
export type ScreenHealthFault = z.infer<typeof ScreenHealthFaultSchema>;

const count = z.number().int().min(0).max(1_000_000_000);

export const ScreenHealthSchema = z.strictObject({
  screenId: ScreenIdSchema,
  /** A page is connected to its node as this screen. */
  online: z.boolean(),
  /** The hub revision the screen shows; null before it showed any. */
  revision: z.number().int().nonnegative().nullable(),
  state: z.enum(['ready', 'error', 'waiting']),
  /** When the node last heard from the screen (hub clock in `wall:health`; see NodeHealth for the node's report). */
  lastSeen: MillisSchema.nullable(),
  /** Animation frames per second the page drew over its last report period; null until it reported. */
  fps: z.number().min(0).max(1000).nullable(),
  /** Frames the page missed (a frame interval past 1.5 refresh periods counts the periods it missed), last period. */
  droppedFrames: count.nullable(),
  /** The page's JavaScript heap in MiB (Chromium's performance.memory); null where the browser does not say. */
  memoryMb: z.number().min(0).max(1_000_000).nullable(),
  /** How many pages are open as this screen: more than one is a fault (duplicate-screen). */
  pages: z.number().int().min(0).max(1000),
  faults: z.array(ScreenHealthFaultSchema).max(50),
});
export type ScreenHealth = z.infer<typeof ScreenHealthSchema>;

/** The node process itself, and its estimate of the hub's clock. */
export const NodeProcessSchema = z.strictObject({
  /** Resident memory of the node's process, MiB. */
  rssMb: z.number().min(0).max(1_000_000),
  uptimeS: z.number().min(0).max(1e10),
  /** hub clock − node clock as the node estimates it (docs §7); null before the first sample. */
  clockOffsetMs: z.number().finite().nullable(),
  /** The round trip of the samples the estimate rests on; its error is at most half of it. */
  clockRoundTripMs: z.number().finite().min(0).nullable(),
});
export type NodeProcess = z.infer<typeof NodeProcessSchema>;

/**
 * `node:health` (node → hub): the node's screens, every few seconds and when one comes or goes.
 * lastSeen here is on the node's clock; the hub converts it with the node's clockOffsetMs.
 */
export const NodeHealthSchema = z.strictObject({
  wallId: IdSchema,
  screens: z.array(ScreenHealthSchema).min(1).max(256),
  process: NodeProcessSchema,
});
export type NodeHealth = z.infer<typeof NodeHealthSchema>;

export const NodeHealthEntrySchema = z.strictObject({
  nodeId: IdSchema,
  /** Connected to the hub now. */
  connected: z.boolean(),
  address: z.string().max(100),
  /** The screens it registered. */
  screens: z.array(ScreenIdSchema).max(256),
  connectedAt: MillisSchema,
  /** When the hub last heard from it (any event). */
  lastSeen: MillisSchema,
  /** When it disconnected; null while connected. */
  disconnectedAt: MillisSchema.nullable(),
  process: NodeProcessSchema.nullable(),
  /** Its last health report; screens it has not reported yet are missing. While it is disconnected, what it last said. */
  health: z.array(ScreenHealthSchema).max(256),
});
export type NodeHealthEntry = z.infer<typeof NodeHealthEntrySchema>;

/** `wall:health` (hub → node) and GET /api/walls/<wallId>/health: every node of the wall the hub knows, connected or not. */
export const WallHealthSchema = z.strictObject({
  wallId: IdSchema,
  /** Hub clock when made. */
  at: MillisSchema,
  nodes: z.array(NodeHealthEntrySchema).max(64),
});
export type WallHealth = z.infer<typeof WallHealthSchema>;

/** The node that drives a screen, as a wall health says (connected nodes first). */
export function screenOwner(health: WallHealth | null, screenId: string): string | null {
  if (!health) return null;
  const nodes = [...health.nodes].sort((a, b) => Number(b.connected) - Number(a.connected));
  return nodes.find((n) => n.screens.includes(screenId))?.nodeId ?? null;
}
