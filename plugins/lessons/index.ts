import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin, ViteDevServer } from 'vite';
import { compileCourse } from './compile-course.ts';
import type { CourseIndex } from '../../src/shared/lesson.ts';
import { courseAssets, type CourseAssets } from './course-assets.ts';

const virtualId = 'virtual:course-index';
const resolvedId = '\0' + virtualId;

/** For other plugins: the compiled course index (plugins/navigation-hints.ts names each lesson's text). */
export interface LessonsApi {
  courseIndex(): CourseIndex;
}

export interface LessonsPluginOptions {
  /** Where the course lives; absolute by default so builds from another root still find it. */
  contentDir?: string;
}

/**
 * Compiles content/ at build time: `virtual:course-index` gives the app the lesson list, and the
 * lessons, glossary and search index are emitted as hashed JSON files (served from memory in
 * dev), with the server's catalogue of ids beside them. A broken lesson fails `vite build` with
 * the list of problems.
 */
export function lessonsPlugin({ contentDir = fileURLToPath(new URL('../../content', import.meta.url)) }: LessonsPluginOptions = {}): Plugin<LessonsApi> & { api: LessonsApi } {
  const dir = resolve(contentDir);
  let base = '/';
  let assets: CourseAssets | undefined;
  const compile = () => {
    if (!assets) {
      const course = compileCourse(dir);
      for (const warning of course.warnings) console.warn(`[lessons] ${warning}`);
      assets = courseAssets(course, base);
    }
    return assets;
  };

  return {
    name: 'egov-lessons',
    api: { courseIndex: () => compile().index },
    configResolved(config) {
      base = config.base;
    },
    resolveId(id) {
      return id === virtualId ? resolvedId : undefined;
    },
    load(id) {
      if (id !== resolvedId) return undefined;
      return `export default ${JSON.stringify(compile().index)};`;
    },
    generateBundle() {
      const { files, catalogue } = compile();
      for (const [fileName, source] of files) this.emitFile({ type: 'asset', fileName, source });
      this.emitFile({ type: 'asset', ...catalogue });
    },
    configureServer(server) {
      watchContent(server, dir, () => (assets = undefined));
      server.middlewares.use((req, res, next) => {
        const path = req.url?.split('?')[0] ?? '';
        if (!path.startsWith(base + 'course/')) return next();
        let source: string | Uint8Array | undefined;
        try {
          source = compile().files.get(path.slice(base.length));
        } catch (error) {
          return next(error);
        }
        res.statusCode = source === undefined ? 404 : 200;
        if (source === undefined) return res.end();
        res.setHeader('Content-Type', contentTypes[path.split('.').pop() ?? ''] ?? 'application/octet-stream');
        res.end(source);
      });
    },
  };
}

const contentTypes: Record<string, string> = {
  json: 'application/json; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  webp: 'image/webp',
};

/** In dev, an edit under content/ recompiles the course and reloads the page. */
function watchContent(server: ViteDevServer, dir: string, reset: () => void) {
  server.watcher.add(dir);
  const onChange = (file: string) => {
    if (!resolve(file).startsWith(dir)) return;
    reset();
    const mod = server.moduleGraph.getModuleById(resolvedId);
    if (mod) server.moduleGraph.invalidateModule(mod);
    server.ws.send({ type: 'full-reload' });
  };
  for (const event of ['add', 'change', 'unlink'] as const) server.watcher.on(event, onChange);
}
