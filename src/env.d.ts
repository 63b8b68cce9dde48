/** Set by vite.config.ts from package.json so the footer and /api/health agree. */
declare const __APP_VERSION__: string;
