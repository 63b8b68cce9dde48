import { relative } from 'node:path';
import type * as z from 'zod/mini';
// Authors read zod's issue messages in the build's problem list: English ones, not "Invalid input".
import '../../src/shared/zod-messages.ts';

/** Every problem found in content/, each naming the file (and field or section) at fault. */
export class ContentError extends Error {
  constructor(readonly problems: string[]) {
    super(`The course content has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n- ${problems.join('\n- ')}`);
    this.name = 'ContentError';
  }
}

/**
 * Collects problems instead of stopping at the first, so an author fixes a lesson in one pass.
 * Paths are shown relative to the working directory ("content/lessons/03-egdi/en.md").
 */
export class Problems {
  readonly list: string[] = [];

  add(file: string, message: string) {
    this.list.push(`${displayPath(file)}: ${message}`);
  }

  /** One line per zod issue, naming the field by its path ("questions[2].options"). */
  addZod(file: string, error: z.core.$ZodError, what: string) {
    for (const issue of error.issues) {
      const field = fieldName(issue.path);
      this.add(file, `${what}${field ? ` field "${field}"` : ''}: ${issue.message}`);
    }
  }

  throwIfAny() {
    if (this.list.length > 0) throw new ContentError(this.list);
  }
}

export const displayPath = (file: string) => relative(process.cwd(), file).replaceAll('\\', '/');

function fieldName(path: PropertyKey[]): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
    .join('');
}
