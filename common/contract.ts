import { z } from 'zod';
import {
  LanguageSchema,
  ScreenFaultsSchema,
  ScreenFramesSchema,
  ScreenReportSchema,
  ScreenStatusSchema,
  StatePatchSchema,
  WallStateSchema,
} from './state.js';
import { DataBatchSchema } from './protocol/data.js';
import { WallHealthSchema } from './protocol/health.js';
import { IdSchema, RequestIdSchema } from './protocol/primitives.js';
import { ClockSyncAnswerSchema, ScenarioCommandAnswerSchema, ScenarioLayoutSchema, ScenarioOverviewSchema } from './scenario-view.js';
import { EVERYONE, LEADERS, TECHNICIANS, type ChannelSpec } from './channel-spec.js';
import { consoleBridgeInvokes, consoleChannels } from './console-contract.js';
import { technicianBridgeInvokes, technicianChannels } from './technician-contract.js';
import { procedureBridgeInvokes, procedureChannels } from './procedure-contract.js';
import { liveBridgeInvokes, liveChannels, liveFeedEvents } from './live-view.js';
import { bindBridge, type BoundBridge, type BridgeTransport, type InvokeMaker, type ListenedEvents } from './bind-bridge.js';

// The one contract between the main process and every window, over Electron IPC or the web host's
// WebSocket alike. Each channel has a schema for its payload and for its answer; both ends check.

export type { ClientRole } from './channel-spec.js';

const empty = z.strictObject({});
const revision = z.number().int().nonnegative();

export const invokeChannels = {
  'state:snapshot': { request: empty, response: WallStateSchema, roles: ['screen', 'console'], quiet: true },
  'screen:report': { request: ScreenReportSchema, response: z.null(), roles: ['screen'], quiet: true },
  /** The screen's panel faults, whole, whenever they change (the core logs what appeared and what cleared). */
  'screen:faults': { request: ScreenFaultsSchema, response: z.null(), roles: ['screen'], quiet: true },
  'screens:status': { request: empty, response: z.array(ScreenStatusSchema), roles: ['console'], users: EVERYONE, quiet: true },
  /** The page's frame rate, missed frames and memory, every few seconds (for the console and the hub). */
  'screen:health': { request: ScreenFramesSchema, response: z.null(), roles: ['screen'], quiet: true },
  /** Every node and screen of the wall as the hub last said (times on this node's clock); null without a hub. */
  'wall:health': { request: empty, response: WallHealthSchema.nullable(), roles: ['console'], users: EVERYONE, quiet: true },
  'wall:setBezelCompensation': { request: z.strictObject({ enabled: z.boolean() }), response: revision, roles: ['console'], users: TECHNICIANS },
  'wall:setIdentify': { request: z.strictObject({ enabled: z.boolean() }), response: revision, roles: ['console'], users: TECHNICIANS },
  'settings:setLanguage': { request: z.strictObject({ language: LanguageSchema }), response: revision, roles: ['console'], users: EVERYONE },
  /** NTP-style exchange with the main process's clock, which scenario apply times are expressed in. */
  'clock:sync': { request: z.strictObject({ t0: z.number().finite() }), response: ClockSyncAnswerSchema, roles: ['screen', 'console'], quiet: true },
  'scenarios:overview': { request: empty, response: ScenarioOverviewSchema, roles: ['console'], users: EVERYONE, quiet: true },
  /** The layouts of the scenarios this wall may switch to (those that fit it), for screens to warm up. */
  'scenarios:layouts': { request: empty, response: z.array(ScenarioLayoutSchema).max(100), roles: ['screen'], quiet: true },
  /** localOnly: apply on this wall alone when the hub is unreachable (only if the node allows it). */
  'scenario:activate': { request: z.strictObject({ scenarioId: IdSchema, localOnly: z.boolean().optional(), requestId: RequestIdSchema.optional() }), response: ScenarioCommandAnswerSchema, roles: ['console'], users: LEADERS },
  'scenario:revert': { request: empty, response: ScenarioCommandAnswerSchema, roles: ['console'], users: LEADERS },
  'proposal:confirm': { request: z.strictObject({ proposalId: IdSchema }), response: ScenarioCommandAnswerSchema, roles: ['console'], users: LEADERS },
  'proposal:dismiss': { request: z.strictObject({ proposalId: IdSchema }), response: z.null(), roles: ['console'], users: LEADERS },
  ...consoleChannels,
  ...technicianChannels,
  ...procedureChannels,
  ...liveChannels,
} as const satisfies Record<string, ChannelSpec>;

export type InvokeChannel = keyof typeof invokeChannels;
export type InvokeRequest<C extends InvokeChannel> = z.infer<(typeof invokeChannels)[C]['request']>;
export type InvokeResponse<C extends InvokeChannel> = z.infer<(typeof invokeChannels)[C]['response']>;

export const eventChannels = {
  'state:snapshot': WallStateSchema,
  'state:patch': StatePatchSchema,
  'screens:status': z.array(ScreenStatusSchema),
  'wall:health': WallHealthSchema.nullable(),
} as const satisfies Record<string, z.ZodType>;

export type EventChannel = keyof typeof eventChannels;
export type EventPayload<E extends EventChannel> = z.infer<(typeof eventChannels)[E]>;

/**
 * Events outside the revisioned state: data feed values (they change often; a snapshot merges into
 * the window's cache) and the console's scenario overview. Sent only to clients whose transport
 * implements CoreClient.sendFeed, so a window that does not know them yet never receives them.
 */
export const feedEventChannels = {
  'data:snapshot': DataBatchSchema,
  'data:update': DataBatchSchema,
  'scenarios:overview': ScenarioOverviewSchema,
  ...liveFeedEvents,
} as const satisfies Record<string, z.ZodType>;

export type FeedEventChannel = keyof typeof feedEventChannels;
export type FeedEventPayload<E extends FeedEventChannel> = z.infer<(typeof feedEventChannels)[E]>;
export function isFeedEventChannel(name: unknown): name is FeedEventChannel {
  return typeof name === 'string' && Object.hasOwn(feedEventChannels, name);
}

/** Electron IPC channel names carry a prefix so nothing else on ipcMain is mistaken for ours. */
export const IPC_PREFIX = 'tc:';

export function isInvokeChannel(name: unknown): name is InvokeChannel {
  return typeof name === 'string' && Object.hasOwn(invokeChannels, name);
}
export function isEventChannel(name: unknown): name is EventChannel {
  return typeof name === 'string' && Object.hasOwn(eventChannels, name);
}

/** Largest payload either transport accepts; a wall state is far smaller. */
export const MAX_MESSAGE_BYTES = 1024 * 1024;

/** The wall's own bridge functions, each mapped to the channel it calls. */
export const bridgeInvokes = {
  getSnapshot: () => ['state:snapshot', {}],
  reportScreen: (report: InvokeRequest<'screen:report'>) => ['screen:report', report],
  reportFaults: (faults: InvokeRequest<'screen:faults'>) => ['screen:faults', faults],
  reportFrames: (frames: InvokeRequest<'screen:health'>) => ['screen:health', frames],
  getWallHealth: () => ['wall:health', {}],
  getScreenStatuses: () => ['screens:status', {}],
  setBezelCompensation: (enabled: boolean) => ['wall:setBezelCompensation', { enabled }],
  setIdentify: (enabled: boolean) => ['wall:setIdentify', { enabled }],
  setLanguage: (language: InvokeRequest<'settings:setLanguage'>['language']) => ['settings:setLanguage', { language }],
  /** One NTP-style exchange with the main process's clock (scenario apply times are on it). */
  syncClock: (t0: number) => ['clock:sync', { t0 }],
  /** The scenario layouts a screen may be switched to, so it can draw their maps once ahead of time. */
  getScenarioLayouts: () => ['scenarios:layouts', {}],
} as const satisfies Record<string, InvokeMaker<InvokeChannel>>;

/** Every event a bridge listener may hear: the revisioned state's and the feeds'. */
export const bridgeEventChannels = { ...eventChannels, ...feedEventChannels } as const;
export type BridgeEvent = keyof typeof bridgeEventChannels;

/** The bridge's listeners, each with the events it hears. */
export const bridgeListeners = {
  onSnapshot: ['state:snapshot'],
  onPatch: ['state:patch'],
  onScreenStatuses: ['screens:status'],
  /** The whole wall's health, node by node, as the hub sends it (consoles). */
  onWallHealth: ['wall:health'],
  /** Data feed values: a snapshot and an update both merge into the page's cache. */
  onData: ['data:snapshot', 'data:update'],
  /** A screen hears whether a console watches the live view; a console hears the frames. */
  onLiveWant: ['live:want'],
  onLive: ['live:stills', 'live:capture'],
} as const satisfies Record<string, ListenedEvents<BridgeEvent>>;

/**
 * What a window can do: one function per capability, bound from this spec by common/bind-bridge.ts over
 * Electron IPC (preload/) or the web host's WebSocket (renderer/bridge/), never listed by hand.
 */
export const wallBridgeSpec = {
  channels: invokeChannels,
  events: bridgeEventChannels,
  invokes: { ...bridgeInvokes, ...consoleBridgeInvokes, ...technicianBridgeInvokes, ...procedureBridgeInvokes, ...liveBridgeInvokes },
  listeners: bridgeListeners,
};

type BoundWallBridge = BoundBridge<typeof wallBridgeSpec>;
/** The feed listeners and the health calls are optional so a page's stand-in bridge (tests, harnesses) may leave them out. */
type OptionalCalls = 'onData' | 'onWallHealth' | 'reportFrames' | 'getWallHealth' | 'onLiveWant' | 'onLive';
export type WallBridge = Omit<BoundWallBridge, OptionalCalls> & Partial<Pick<BoundWallBridge, OptionalCalls>>;
export type WallBridgeTransport = BridgeTransport<InvokeChannel, BridgeEvent>;

export function bindWallBridge(transport: WallBridgeTransport): BoundWallBridge {
  return bindBridge(wallBridgeSpec, transport);
}

/** Describe a zod failure as "field: message; field: message" for an error shown to a person. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((i) => `${i.path.length ? formatPath(i.path) : '(root)'}: ${i.message}`)
    .join('; ');
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => {
    if (typeof key === 'number') return `${acc}[${key}]`;
    const name = String(key);
    return acc ? `${acc}.${name}` : name;
  }, '');
}
