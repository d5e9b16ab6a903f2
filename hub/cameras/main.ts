import { parseArgs } from 'node:util';
import { startCameraServer } from './server.js';
import { DEFAULT_MEDIA_DIR } from './simulator.js';

// `tsx hub/cameras/main.ts [--port 4291]`: the simulated cameras on their own, for demos and benchmarks.
// Prints each camera's live URL. The switches that break a camera (sim.setCameraState) are for tests in-process.

const usage = `tsx hub/cameras/main.ts [options]
  --port <n>        port (default 4291; 0 picks a free one)
  --host <address>  address to bind (default 127.0.0.1)
  --media <dir>     clip folders (default assets/media/cameras)
  --window <n>      segments per live playlist (default 5)
  --help            this text`;

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4291' },
    host: { type: 'string', default: '127.0.0.1' },
    media: { type: 'string', default: DEFAULT_MEDIA_DIR },
    window: { type: 'string', default: '5' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const port = Number(values.port);
const windowSegments = Number(values.window);
if (!Number.isInteger(port) || port < 0 || port > 65535 || !Number.isInteger(windowSegments) || windowSegments < 3) {
  console.error(`bad --port or --window (the window needs at least 3 segments)\n${usage}`);
  process.exit(2);
}

const server = await startCameraServer({ host: values.host, port, mediaDir: values.media, windowSegments });
console.log(`simulated cameras at ${server.origin}/cameras (CORS open; no ffmpeg at run time)`);
for (const camera of server.sim.cameras()) console.log(`camera ${camera.id} ${server.origin}${camera.live} ${camera.name}`);
const stop = () => void server.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
