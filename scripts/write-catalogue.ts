import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { compileCourse } from '../plugins/lessons/compile-course.ts';
import { toCatalogue } from '../src/shared/catalogue.ts';

/**
 * `tsx scripts/write-catalogue.ts <file>`: compiles content/ (or CONTENT_DIR) and writes the
 * server's catalogue to <file>, the one thing of a build that the API needs. `npm run dev` runs
 * it so the API server can start beside Vite without a `vite build`.
 */
const file = resolve(process.argv[2] ?? '.tmp/course-catalogue.json');
mkdirSync(dirname(file), { recursive: true });
writeFileSync(file, JSON.stringify(toCatalogue(compileCourse(resolve(process.env.CONTENT_DIR ?? 'content')))));
console.log(`Course catalogue written to ${file}`);
