import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { build, type Plugin } from 'vite';
import { OFFICE_COURSE_FILE, toOfficeCourse } from '../../src/shared/office-course.ts';
import { compileCourse } from '../lessons/compile-course.ts';

export interface OfficePluginOptions {
  /** Where the course lives (the lessons plugin's setting): the office's titles, prompts and answer key. */
  contentDir: string;
}

/**
 * The programme office's dashboard: `office/index.html` + `src/office/`, built by `vite build`
 * alongside the trainee app into dist/office/ (its files under dist/office/assets/), and the
 * course's texts for it as dist/office-course.json. Neither is precached (vite.config.ts).
 *
 * The office is a build of its own inside this one, not a second input of the app's: the app puts
 * every module its first screen needs into one script (vite.config.ts's `$initial` group), and a
 * second input shares Preact and i18next with it, so either the office's code would join the
 * trainees' first script or the office would load and run the trainee app's. A nested build keeps
 * both bundles whole, as vite-plugin-pwa does for the service worker. A root without
 * office/index.html (the benchmark's floor page) builds no office.
 */
export function officePlugin({ contentDir }: OfficePluginOptions): Plugin {
  let root = process.cwd();
  let outDir = 'dist';
  let base = '/';
  const enabled = () => existsSync(join(root, 'office', 'index.html'));
  return {
    name: 'egov-office',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      outDir = resolve(config.root, config.build.outDir);
      base = config.base;
    },
    generateBundle() {
      if (!enabled()) return;
      this.emitFile({ type: 'asset', fileName: OFFICE_COURSE_FILE, source: JSON.stringify(toOfficeCourse(compileCourse(contentDir))) });
    },
    async writeBundle() {
      if (!enabled()) return;
      await build({
        configFile: false,
        root,
        base,
        publicDir: false,
        logLevel: 'warn',
        plugins: [preact()],
        build: {
          outDir,
          emptyOutDir: false,
          assetsDir: 'office/assets',
          target: 'es2022',
          modulePreload: { polyfill: false },
          rolldownOptions: { input: resolve(root, 'office', 'index.html') },
        },
      });
    },
  };
}
