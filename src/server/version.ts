import { readFileSync } from 'node:fs';

/** The app's version, read once from package.json so the server and the client agree. */
export const APP_VERSION: string = JSON.parse(
  readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
).version;
