import type { Logger as AppLogger } from '../log.js';

/** The database only warns; the app's logger (or `console`) fits. */
export type Logger = Pick<AppLogger, 'warn'>;
