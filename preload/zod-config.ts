import { z } from 'zod';

// Imported before the contract: zod's JIT compiles parsers with `new Function`, which the page's CSP
// (no 'unsafe-eval') forbids. The renderer sets the same in renderer/zod-config.ts.
z.config({ jitless: true });
