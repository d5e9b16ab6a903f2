import { z } from 'zod';
import type { InvokeMaker } from './bind-bridge.js';
import { EVERYONE, type ChannelSpec } from './channel-spec.js';

// The console's live view of the wall (docs/live-view.md): while a console watches, each screen sends
// small recent frames of its camera players once a second (browser display nodes), or the Electron shell
// sends a downscaled capture of each wall window; the core relays them to the consoles watching only.

const CameraIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/);
const jpeg = (maxChars: number) => z.string().max(maxChars).regex(/^data:image\/jpeg;base64,[A-Za-z0-9+/=]+$/, 'a data:image/jpeg;base64 URL');

/** A still is at most ~200×120 px: 40 000 characters is well above its size at quality 0.6. */
export const MAX_STILL_CHARS = 40_000;
export const MAX_CAPTURE_CHARS = 400_000;
/** How often a watched wall sends frames. */
export const LIVE_FRAME_MS = 1000;

export const ScreenStillsSchema = z.strictObject({
  screenId: z.string().min(1).max(64),
  frames: z.array(z.strictObject({ cameraId: CameraIdSchema, image: jpeg(MAX_STILL_CHARS) })).max(16),
});
export type ScreenStills = z.infer<typeof ScreenStillsSchema>;

export const ScreenCaptureSchema = z.strictObject({ screenId: z.string().min(1).max(64), image: jpeg(MAX_CAPTURE_CHARS), at: z.number() });
export type ScreenCapture = z.infer<typeof ScreenCaptureSchema>;

/** Told to the screens when the first console starts watching and when the last one stops. */
export const LiveWantSchema = z.strictObject({ on: z.boolean(), everyMs: z.number().int().min(250).max(60_000) });
export type LiveWant = z.infer<typeof LiveWantSchema>;

export const liveChannels = {
  /** A console opens or closes its live view: frames flow only while some console watches. */
  'live:watch': { request: z.strictObject({ watching: z.boolean() }), response: z.null(), roles: ['console'], users: EVERYONE, quiet: true },
  /** A screen's recent camera frames, while wanted. */
  'screen:stills': { request: ScreenStillsSchema, response: z.null(), roles: ['screen'], quiet: true },
} as const satisfies Record<string, ChannelSpec>;

export const liveFeedEvents = {
  'live:want': LiveWantSchema,
  'live:stills': ScreenStillsSchema,
  'live:capture': ScreenCaptureSchema,
} as const;

export const liveBridgeInvokes = {
  watchLive: (watching: boolean) => ['live:watch', { watching }],
  reportStills: (stills: ScreenStills) => ['screen:stills', stills],
} as const satisfies Record<string, InvokeMaker<keyof typeof liveChannels>>;
