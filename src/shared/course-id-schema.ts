import * as z from 'zod/mini';

/**
 * Ids in the course (lessons, sections, questions, options) are kebab-case ASCII. A module of its
 * own: the lesson schemas need it, and importing it from events.ts would build every event schema
 * on the way to a lesson's first paint.
 */
export const courseIdSchema = z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a kebab-case id'), z.maxLength(64));
