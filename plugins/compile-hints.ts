import type { Plugin, Rollup } from 'vite';
import { withStaticImports } from './static-imports.ts';

/** V8's magic comment (Chrome 136 on): compile every function in this file as it streams in. */
export const EAGER_COMPILE = '//# allFunctionsCalledOnLoad';

/**
 * Starts the scripts the HTML pages load (`<script src>`, `modulepreload`, and what those import
 * statically) with V8's compile hint.
 *
 * Why: V8 compiles a function the first time it is called, on the main thread. A page's start
 * calls most of the entry's functions once (i18next's set-up, Preact's first render, every
 * component of the first screen), so that compiling was a large part of the first render's long
 * task. With the hint V8 compiles the whole file on the background thread that already parses it
 * while it downloads. Only for files whose functions run at load: for the rest (Dexie, the
 * screens behind a tap) it would compile code that may never run.
 *
 * The comment must be the file's first line, so it is added after Vite has put its own first
 * line (the preload list) in; a source map, when there is one, moves down a line with it.
 */
export function compileHints(): Plugin {
  let base = '/';
  return {
    name: 'egov-compile-hints',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      base = config.base;
    },
    generateBundle: {
      order: 'post',
      handler(_, bundle) {
        const loadedByPages: Rollup.OutputChunk[] = [];
        for (const file of Object.values(bundle)) {
          if (file.type !== 'asset' || !file.fileName.endsWith('.html')) continue;
          for (const [, url] of String(file.source).matchAll(/<(?:script|link rel="modulepreload")[^>]*? (?:src|href)="([^"]+\.js)"/g)) {
            const path = new URL(url!, `http://x${base}`).pathname;
            const chunk = bundle[path.startsWith(base) ? path.slice(base.length) : path.slice(1)];
            if (chunk?.type === 'chunk') loadedByPages.push(chunk);
          }
        }
        const eager = withStaticImports(loadedByPages, bundle);
        for (const file of Object.values(bundle)) {
          if (file.type !== 'chunk' || !eager.has(file.fileName)) continue;
          file.code = `${EAGER_COMPILE}\n${file.code}`;
          const map = bundle[`${file.fileName}.map`];
          if (map?.type === 'asset' && typeof map.source === 'string') {
            const json = JSON.parse(map.source) as { mappings: string };
            map.source = JSON.stringify({ ...json, mappings: `;${json.mappings}` });
          }
        }
      },
    },
  };
}
