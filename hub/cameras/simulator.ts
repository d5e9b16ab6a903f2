import { readdirSync, readFileSync, existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseVodPlaylist, type Clip } from './clip.js';
import { DEFAULT_EPOCH_MS, livePlaylist, resolveLiveSegment } from './live-playlist.js';
import { retimeFmp4, retimeTs, trackTimescales, tsTicks } from './retime.js';

// Simulated live cameras from the committed clips: what a media gateway would serve, plus switches that
// break a camera the ways real ones break. Mount `handle` in any node:http server.

export type CameraState = 'online' | 'offline-404' | 'offline-refuse' | 'corrupt';

export interface CameraSimulatorOptions {
  mediaDir: string;
  now?: () => number;
  epochMs?: number;
  /** Segments listed in each live playlist. */
  windowSegments?: number;
  /** How long media timestamps run on before a discontinuity (live-playlist.ts); default an hour. */
  eraMs?: number;
  /** Called after a camera's state is switched (the hub republishes its catalogue's online/offline). */
  onStateChange?: () => void;
}

export interface SimulatedCamera {
  id: string;
  name: string;
  state: CameraState;
  live: string;
  vod: string;
}

export interface CameraSimulator {
  handle(req: IncomingMessage, res: ServerResponse): boolean;
  setCameraState(id: string, state: CameraState): void;
  cameras(): SimulatedCamera[];
  /** Requests a camera has received (playlists and segments), so tests can see the retry pace. */
  requestCount(id: string): number;
}

interface LoadedCamera {
  id: string;
  name: string;
  clip: Clip;
  vodText: string;
  files: Map<string, Buffer>;
  /** A media segment's bytes with its timestamps moved on by `shiftMs`. */
  retime: (segment: Buffer, shiftMs: number) => Buffer;
  state: CameraState;
  requests: number;
}

// import.meta.url, not .dirname: the Electron main bundle (CommonJS) defines only the former.
export const DEFAULT_MEDIA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../assets/media/cameras');

const CAMERA_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const TYPES: Record<string, string> = {
  m3u8: 'application/vnd.apple.mpegurl',
  ts: 'video/mp2t',
  m4s: 'video/iso.segment',
  mp4: 'video/mp4',
};
const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
  'Access-Control-Allow-Headers': 'Range',
  'Cross-Origin-Resource-Policy': 'cross-origin',
  'Timing-Allow-Origin': '*',
  // Live names are unique, but a corrupt or offline answer must never be cached for later.
  'Cache-Control': 'no-store',
};

function loadNames(mediaDir: string): Map<string, string> {
  const file = path.join(mediaDir, 'cameras.json');
  if (!existsSync(file)) return new Map();
  const list = JSON.parse(readFileSync(file, 'utf8')) as Array<{ id: string; name: string }>;
  return new Map(list.map((c) => [c.id, c.name]));
}

function loadCameras(mediaDir: string): Map<string, LoadedCamera> {
  if (!existsSync(mediaDir)) throw new Error(`camera clip folder ${mediaDir} does not exist: point the media folder at assets/media/cameras or run scripts/make-camera-clips.sh`);
  const names = loadNames(mediaDir);
  const cameras = new Map<string, LoadedCamera>();
  for (const entry of readdirSync(mediaDir, { withFileTypes: true })) {
    const vodFile = path.join(mediaDir, entry.name, 'vod.m3u8');
    if (!entry.isDirectory() || !CAMERA_ID.test(entry.name) || !existsSync(vodFile)) continue;
    const vodText = readFileSync(vodFile, 'utf8');
    let clip: Clip;
    try {
      clip = parseVodPlaylist(vodText);
    } catch (err) {
      throw new Error(`${vodFile}: ${err instanceof Error ? err.message : String(err)}; regenerate it with scripts/make-camera-clips.sh`, { cause: err });
    }
    const files = new Map<string, Buffer>();
    for (const uri of [...clip.segments.map((s) => s.uri), ...(clip.mapUri ? [clip.mapUri] : [])]) {
      const file = path.join(mediaDir, entry.name, uri);
      if (!existsSync(file)) throw new Error(`${vodFile} lists ${uri}, which is missing; regenerate the clip with scripts/make-camera-clips.sh`);
      files.set(uri, readFileSync(file));
    }
    let retime: LoadedCamera['retime'];
    try {
      retime = retimer(clip, files);
      // Fail at start, not on the first request: every segment must be one we can retime.
      for (const s of clip.segments) retime(files.get(s.uri)!, clip.loopMs);
    } catch (err) {
      throw new Error(`${path.join(mediaDir, entry.name)}: ${err instanceof Error ? err.message : String(err)}; regenerate the clip with scripts/make-camera-clips.sh`, { cause: err });
    }
    cameras.set(entry.name, { id: entry.name, name: names.get(entry.name) ?? entry.name, clip, vodText, files, retime, state: 'online', requests: 0 });
  }
  if (cameras.size === 0) throw new Error(`no camera clips in ${mediaDir}: run scripts/make-camera-clips.sh`);
  return cameras;
}

function retimer(clip: Clip, files: Map<string, Buffer>): LoadedCamera['retime'] {
  if (!clip.mapUri) return (segment, shiftMs) => retimeTs(segment, tsTicks(shiftMs));
  const timescales = trackTimescales(files.get(clip.mapUri)!);
  return (segment, shiftMs) => retimeFmp4(segment, shiftMs, timescales);
}

/** Same length as the segment, no MPEG-TS sync bytes or MP4 boxes: a demuxer must reject it. */
function garbage(length: number): Buffer {
  const bytes = Buffer.alloc(length);
  let x = 0x2545f491;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    const b = x & 0xff;
    bytes[i] = b === 0x47 ? 0x46 : b;
  }
  return bytes;
}

export function createCameraSimulator(options: CameraSimulatorOptions): CameraSimulator {
  const now = options.now ?? Date.now;
  const epochMs = options.epochMs ?? DEFAULT_EPOCH_MS;
  const windowSegments = options.windowSegments ?? 5;
  const eraMs = options.eraMs;
  const cameras = loadCameras(options.mediaDir);

  function send(req: IncomingMessage, res: ServerResponse, status: number, type: string, body: string | Buffer): void {
    res.writeHead(status, { ...CORS, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
    res.end(req.method === 'HEAD' ? undefined : body);
  }
  const notFound = (req: IncomingMessage, res: ServerResponse) => send(req, res, 404, 'text/plain; charset=utf-8', 'not found\n');

  function list(): SimulatedCamera[] {
    return [...cameras.values()].map((c) => ({ id: c.id, name: c.name, state: c.state, live: `/cameras/${c.id}/live.m3u8`, vod: `/cameras/${c.id}/vod.m3u8` }));
  }

  function serveCamera(req: IncomingMessage, res: ServerResponse, camera: LoadedCamera, file: string): void {
    camera.requests++;
    if (camera.state === 'offline-refuse') {
      // No answer at all: the browser sees a network error with no status, as for a dead host.
      req.socket.destroy();
      return;
    }
    if (camera.state === 'offline-404') return notFound(req, res);
    const type = TYPES[file.slice(file.lastIndexOf('.') + 1)] ?? 'application/octet-stream';
    if (file === 'live.m3u8') return send(req, res, 200, TYPES.m3u8!, livePlaylist(camera.clip, { nowMs: now(), epochMs, windowSegments, eraMs }));
    if (file === 'vod.m3u8') return send(req, res, 200, TYPES.m3u8!, camera.vodText);
    // A live name, or a clip file as the VOD playlist names it.
    const live = resolveLiveSegment(camera.clip, file, epochMs, now(), eraMs);
    const uri = live?.uri ?? file;
    const bytes = camera.files.get(uri);
    if (!bytes) return notFound(req, res);
    if (uri === camera.clip.mapUri) return send(req, res, 200, type, bytes);
    if (camera.state === 'corrupt') return send(req, res, 200, type, garbage(bytes.length));
    send(req, res, 200, type, live ? camera.retime(bytes, live.shiftMs) : bytes);
  }

  return {
    handle(req, res) {
      const pathname = (req.url ?? '/').split('?')[0] ?? '/';
      if (pathname !== '/cameras' && !pathname.startsWith('/cameras/')) return false;
      if (req.method === 'OPTIONS') {
        res.writeHead(204, CORS).end();
        return true;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { ...CORS, Allow: 'GET, HEAD, OPTIONS' }).end();
        return true;
      }
      if (pathname === '/cameras' || pathname === '/cameras/') {
        send(req, res, 200, 'application/json; charset=utf-8', JSON.stringify(list()));
        return true;
      }
      const match = /^\/cameras\/([a-z0-9-]+)\/([A-Za-z0-9][A-Za-z0-9._-]*)$/.exec(pathname);
      const camera = match?.[1] ? cameras.get(match[1]) : undefined;
      if (!match?.[2] || !camera) notFound(req, res);
      else serveCamera(req, res, camera, match[2]);
      return true;
    },
    setCameraState(id, state) {
      const camera = cameras.get(id);
      if (!camera) throw new Error(`no simulated camera "${id}"; known: ${[...cameras.keys()].join(', ')}`);
      camera.state = state;
      options.onStateChange?.();
    },
    cameras: list,
    requestCount: (id) => cameras.get(id)?.requests ?? 0,
  };
}
