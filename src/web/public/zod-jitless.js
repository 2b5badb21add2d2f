// Runs before any of the app's modules (a classic script, no inline code: the page's policy allows
// 'self'): zod 4 reads this configuration when a schema is built, and with `jitless` it never probes
// for eval (`new Function`), which the Content-Security-Policy refuses and reports as a violation.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });
