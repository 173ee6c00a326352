// Runs in the browser before the app hydrates.
import { config } from "zod/v4/core";

// Pages run under a CSP without 'unsafe-eval' (proxy.ts). Zod would probe `new Function` to compile its parsers, and
// the blocked probe is reported as a CSP violation even though Zod falls back: skip the probe and the compiling.
config({ jitless: true });
