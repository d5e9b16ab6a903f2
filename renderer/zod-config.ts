import { z } from 'zod';

// Imported first: zod's JIT compiles parsers with `new Function`, which our CSP (no 'unsafe-eval')
// forbids and reports as a violation. Schemas read this setting when they are built.
z.config({ jitless: true });
