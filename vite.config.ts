import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { VitePWA } from 'vite-plugin-pwa';
import { appManifest } from './plugins/app-manifest.ts';
import { compileHints } from './plugins/compile-hints.ts';
import { lessonsPlugin } from './plugins/lessons/index.ts';
import { navigationHints } from './plugins/navigation-hints.ts';
import { officePlugin } from './plugins/office/index.ts';
import { precompress } from './plugins/precompress.ts';
import { CATALOGUE_FILE } from './src/shared/catalogue.ts';
import { NAVIGATION_HINTS_FILE } from './src/shared/navigation-hints.ts';
import { OFFICE_COURSE_FILE } from './src/shared/office-course.ts';
import pkg from './package.json' with { type: 'json' };

// CONTENT_DIR: the same setting as the server's; the update browser test builds a next version from a changed copy.
const contentDir = process.env.CONTENT_DIR;
const lessons = lessonsPlugin(contentDir ? { contentDir } : {});
const apiTarget = `http://localhost:${process.env.API_PORT ?? process.env.PORT ?? 8080}`;

export default defineConfig({
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  // Dexie's ES module build instead of the ES5 bundle its package exports to `import` (wrapped for
  // the bundler as CommonJS): fewer bytes, and less to evaluate in the task that loads the store.
  resolve: { alias: [{ find: /^dexie$/, replacement: 'dexie/dist/modern/dexie.mjs' }] },
  plugins: [
    preact(),
    lessons,
    navigationHints({
      lessonScreen: 'src/app/pages/reading-screens.ts',
      englishStrings: 'src/app/i18n/strings-en.ts',
      courseIndex: () => lessons.api.courseIndex(),
    }),
    compileHints(),
    // The programme office (office/index.html, src/office/): built beside the app, never precached.
    officePlugin({ contentDir: contentDir ?? fileURLToPath(new URL('content', import.meta.url)) }),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: fileURLToPath(new URL('src/sw', import.meta.url)), // absolute: the bench floor builds from another root
      filename: 'sw.ts',
      // Registered by src/app/sw-bridge.ts through workbox-window: no inline script (CSP).
      injectRegister: false,
      manifest: appManifest,
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,svg,png,ico,webmanifest,json}'],
        // The server's files, and the programme office's pages: none of them is the phone's.
        globIgnores: ['**/node_modules/**/*', NAVIGATION_HINTS_FILE, CATALOGUE_FILE, OFFICE_COURSE_FILE, 'office/**'],
      },
      devOptions: { enabled: false },
    }),
    // A brotli copy of each text file, which the server sends as it is (plugins/precompress.ts).
    precompress(),
  ],
  // Every browser the app targets has modulepreload: the polyfill would only add bytes.
  build: {
    target: 'es2022',
    modulePreload: { polyfill: false },
    // One stylesheet and one script before the first paint: on a slow link each extra file is
    // another request to wait for. The app's CSS is small; the lazy screens stay their own chunks.
    cssCodeSplit: false,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'app', tags: ['$initial'] },
            // What the lesson screen shares with other lazy chunks (zod and the course files'
            // schemas with the data layer and the record's screens, reading settings with the Me
            // screens) in one chunk: left to itself the bundler made two, and a lesson opened by its
            // address waited for one more download beside its text (Lighthouse LCP 1606 → 1544 ms,
            // medians of 10 taking turns). Chunks named by the Link header: test/e2e/first-screen.test.ts.
            { name: 'course-data', test: /\/node_modules\/zod\/|\/src\/shared\/(lesson|search|course-id-schema)\.ts$|\/src\/app\/(content\/loaders|settings\/reading-prefs)\.ts$/ },
          ],
        },
      },
    },
  },
  server: { proxy: { '/api': apiTarget } },
  test: {
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' } },
      {
        extends: true,
        test: {
          name: 'component',
          include: ['test/component/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          setupFiles: ['test/component/setup.ts'],
        },
      },
      {
        extends: true,
        test: { name: 'data', include: ['test/data/**/*.test.ts'], environment: 'node', setupFiles: ['fake-indexeddb/auto'] },
      },
      { extends: true, test: { name: 'server', include: ['test/server/**/*.test.ts'], environment: 'node' } },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Progress, the sync line and the download box fill in with the app's background work,
          // which starts after the page's load and a quiet period (src/app/background-work.ts), and a
          // busy 2-core machine is slower still: a poll waits for its condition this long.
          expect: { poll: { timeout: 10_000 } },
          fileParallelism: false,
        },
      },
    ],
  },
});
