import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, Hono } from 'hono';
import { isHashedFile } from '../../shared/hashed-files.ts';
import { loadNavigationHints } from './navigation-hints.ts';

/**
 * Hashed files never change under their name, so phones may keep them for a year; index.html
 * and the service worker must be checked every time or a new version would never arrive.
 */
function cacheControlFor(urlPath: string, served: string): string {
  const file = served.replace(/\.br$/, ''); // a brotli copy is the same file
  // The office's build keeps its hashed files under /office/assets/ (plugins/office-build.ts).
  if (isHashedFile(urlPath) || isHashedFile(urlPath.replace(/^\/office\//, '/'))) return 'public, max-age=31536000, immutable';
  // By the file served, not the address: a deep link is answered with index.html.
  if (/(index\.html|sw\.js|manifest\.webmanifest|registerSW\.js)$/.test(file)) return 'no-cache';
  return 'public, max-age=3600';
}

/**
 * Serves the built PWA from `root`, each text file as its brotli copy (plugins/precompress.ts)
 * to a browser that takes brotli, with index.html for any other non-API path (deep links). A
 * page's HTML carries a Link header naming what its code will fetch next (navigation-hints.ts).
 */
export function mountStaticApp(app: Hono, root: string) {
  if (!existsSync(join(root, 'index.html'))) {
    console.warn(`No built app in ${root}: run "npm run build" to serve the PWA.`);
  }
  const onFound = (file: string, c: Context) => {
    c.header('Cache-Control', cacheControlFor(c.req.path, file));
  };
  const linkFor = loadNavigationHints(root);
  const isPage = (path: string) => !path.startsWith('/api/') && !/\.\w+$/.test(path);
  // The programme office is its own page, never the trainee app's shell: /office and its deep links.
  const isOfficePage = (path: string) => /^\/office(\/|$)/.test(path) && isPage(path);
  app.get('*', async (c, next) => {
    if (isOfficePage(c.req.path)) return serveStatic({ root, path: 'office/index.html', onFound, precompressed: true })(c, next);
    if (isPage(c.req.path)) {
      const link = linkFor(c.req.path, c.req.header('Accept-Language'));
      if (link) c.header('Link', link);
      c.header('Vary', 'Accept-Language');
    }
    await next();
  });
  app.use('*', serveStatic({ root, onFound, precompressed: true }));
  app.get('*', async (c, next) => {
    if (!isPage(c.req.path)) return next();
    return serveStatic({ root, path: 'index.html', onFound, precompressed: true })(c, next);
  });
}
