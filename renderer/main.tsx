// First: the access token leaves the address before any other code runs.
import './forget-url-token.js';
import '../common/zod-config.js';
// The per-weight files carry unicode-range for the vietnamese, latin and latin-ext subsets (the
// per-subset files do not, so two of them would shadow each other); a page loads only what it uses.
import '@fontsource/be-vietnam-pro/400.css';
import '@fontsource/be-vietnam-pro/600.css';
import '@fontsource/be-vietnam-pro/700.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.js';
import { parseRoute } from './route.js';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App route={parseRoute(window.location.pathname)} />
  </StrictMode>,
);
