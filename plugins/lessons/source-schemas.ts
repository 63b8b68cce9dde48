import * as z from 'zod/mini';
import { courseIdSchema } from '../../src/shared/events.ts';
import { sourceSchema } from '../../src/shared/lesson.ts';

/** A lesson file's front matter (vi.md, en.md); unknown keys are typos, so they are errors. */
export const frontMatterSchema = z.strictObject({
  id: courseIdSchema,
  order: z.number().check(z.int(), z.positive()),
  title: z.string().check(z.trim(), z.minLength(1)),
  summary: z.string().check(z.trim(), z.minLength(1)),
  minutes: z.number().check(z.positive(), z.lte(60)),
  sources: z.array(sourceSchema).check(z.minLength(1)),
});
export type FrontMatter = z.infer<typeof frontMatterSchema>;

/** Authoring rules from content/README.md that the compiled shape does not need. */
export const rules = {
  sections: { min: 4, max: 6 },
  questions: { min: 4, max: 6 },
  options: { min: 3, max: 5 },
} as const;
