import { resolve } from 'node:path';
import type { Plugin, Rollup } from 'vite';
import { withStaticImports } from './static-imports.ts';
import type { CourseIndex } from '../src/shared/lesson.ts';
import { NAVIGATION_HINTS_FILE, type NavigationHints } from '../src/shared/navigation-hints.ts';

export interface NavigationHintsOptions {
  /** The lesson screen's module (lazy loaded by the app). */
  lessonScreen: string;
  /** The English UI strings' module (lazy loaded on an English phone). */
  englishStrings: string;
  /** The course index as the lessons plugin compiled it: each lesson's text URL. */
  courseIndex: () => CourseIndex;
}

/**
 * Writes dist/navigation-hints.json (see src/shared/navigation-hints.ts) from the finished
 * bundle: a lesson opened by its address needs its text and the lesson screen's chunks, which
 * the app's code would otherwise only ask for once it has downloaded and run. A build without
 * the lesson screen (the benchmark floor) gets no file.
 */
export function navigationHints({ lessonScreen, englishStrings, courseIndex }: NavigationHintsOptions): Plugin {
  let root = process.cwd();
  let base = '/';
  return {
    name: 'egov-navigation-hints',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      base = config.base;
    },
    generateBundle(_, bundle) {
      const chunks = Object.values(bundle).filter((file): file is Rollup.OutputChunk => file.type === 'chunk');
      const chunkOf = (path: string) => chunks.find((c) => c.facadeModuleId === resolve(root, path));
      const screen = chunkOf(lessonScreen);
      if (!screen) return;
      const loadedFirst = withStaticImports(chunks.filter((c) => c.isEntry), bundle);
      const screenFiles = [...withStaticImports([screen], bundle)].filter((file) => !loadedFirst.has(file));
      const modulepreload = (file: string) => `<${base}${file}>; rel=modulepreload`;
      const paths = Object.fromEntries(
        courseIndex().lessons.map((lesson) => [
          `${base}lessons/${lesson.id}`,
          // crossorigin: the app fetches it in cors mode, which a preload must match to be used.
          [`<${lesson.url}>; rel=preload; as=fetch; crossorigin`, ...screenFiles.map(modulepreload)],
        ]),
      );
      const english = chunkOf(englishStrings);
      const hints: NavigationHints = { paths, english: english ? [modulepreload(english.fileName)] : [] };
      this.emitFile({ type: 'asset', fileName: NAVIGATION_HINTS_FILE, source: JSON.stringify(hints) });
    },
  };
}
