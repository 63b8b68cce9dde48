import * as z from 'zod/mini';
import { courseIdSchema } from '../../src/shared/course-id-schema.ts';
import { sourceSchema } from '../../src/shared/lesson.ts';

const seedSchema = z.string().check(z.regex(/^\d{3}$/, 'expected a three-digit seed number in quotes'));
const figureSchema = z.string().check(z.regex(/^\d+(?:[.,]\d+)*$/, 'expected a figure in quotes: digits, with "." or "," between digits'));

/** A lesson file's front matter (vi.md, en.md); unknown keys are typos, so they are errors. */
export const frontMatterSchema = z.strictObject({
  id: courseIdSchema,
  order: z.number().check(z.int(), z.positive()),
  title: z.string().check(z.trim(), z.minLength(1)),
  summary: z.string().check(z.trim(), z.minLength(1)),
  minutes: z.number().check(z.positive(), z.lte(60)),
  sources: z.array(sourceSchema).check(z.minLength(1)),
  /** Seed → the figures the lesson takes from it (check-figures.ts); the same in vi.md and en.md. */
  figures: z.optional(z.record(seedSchema, z.array(figureSchema))),
  /** Ids the lesson had in earlier versions: progress recorded under them counts here. */
  formerIds: z.optional(z.array(courseIdSchema)),
});
export type FrontMatter = z.infer<typeof frontMatterSchema>;

/** Authoring rules from content/README.md that the compiled shape does not need. */
export const rules = {
  sections: { min: 4, max: 6 },
  questions: { min: 4, max: 6 },
  options: { min: 3, max: 5 },
  wrongOptions: { multiple: 2 },
} as const;
