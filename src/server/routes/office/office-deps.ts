import type { Context } from 'hono';
import type { AttemptLimits, AttemptRule } from '../../auth/attempt-limits.ts';
import type { CurrentCatalogue } from '../../course/catalogue-index.ts';
import type { CurrentOfficeCourse } from '../../course/office-course-file.ts';
import type { Repositories } from '../../repositories/repositories.ts';

/** Failed sign-ins counted per address (also setup links), and per account. */
export type OfficeAttemptKind = 'officeSignIn' | 'officeAccount';
export type OfficeAttemptRules = Record<OfficeAttemptKind, { perAddress: AttemptRule; global: AttemptRule }>;

const TEN_MINUTES = 10 * 60 * 1000;

/**
 * Guessing a password meets 429 after 8 tries at one account, or 20 from one address, in ten
 * minutes (a successful sign-in gives its attempt back). The per-account limit lets an attacker
 * keep an officer out for ten minutes at a time; the officer can still sign in from the same
 * office once the window ends, and the attacker learns nothing.
 */
export const DEFAULT_OFFICE_LIMITS: OfficeAttemptRules = {
  officeSignIn: { perAddress: { max: 20, windowMs: TEN_MINUTES }, global: { max: 1000, windowMs: TEN_MINUTES } },
  officeAccount: { perAddress: { max: 8, windowMs: TEN_MINUTES }, global: { max: 1_000_000, windowMs: TEN_MINUTES } },
};

/** What the office's routes need. */
export interface OfficeDeps {
  repositories: Repositories;
  limits: AttemptLimits<OfficeAttemptKind>;
  addressOf: (c: Context) => string;
  now: () => number;
  trustedProxies: number;
  /** PUBLIC_URL: the address officers use, for the Origin check behind a proxy. */
  publicUrl: string | undefined;
  catalogue: CurrentCatalogue;
  officeCourse: CurrentOfficeCourse;
}
