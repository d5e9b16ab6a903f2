import { z } from 'zod';

// Imported first by every page-side entry (renderer, preload): zod's JIT compiles parsers with
// `new Function`, which our CSP (no 'unsafe-eval') forbids. Schemas read this when they are built.
z.config({ jitless: true });
