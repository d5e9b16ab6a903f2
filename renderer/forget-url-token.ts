import { forgetUrlToken } from './bridge/url-token.js';

// Imported first by main.tsx, so it runs before any other code on the page (bridge/url-token.ts says why).
forgetUrlToken(window);
