import { createHash, randomInt } from 'node:crypto';
import type { Catalogue } from '../../shared/catalogue.ts';
import { COURSE_ID, type CompletionRecord, toPercent, vietnamDate } from '../../shared/completion/completion-record.ts';
import { type CompletionCourse, courseCompletion, type Missing } from '../../shared/completion/course-completion.ts';
import { signCompletionRecord } from '../../shared/completion/verify-record.ts';
import type { LearnerEvent } from '../../shared/events.ts';
import { foldEvents } from '../../shared/merge-progress.ts';
import type { Trainee } from '../../shared/sync-api.ts';
import { ENROLMENT_CODE_ALPHABET } from '../auth/secrets.ts';
import type { CurrentCatalogue } from '../course/catalogue-index.ts';
import type { StoredCertificate } from '../repositories/certificates.ts';
import type { Repositories } from '../repositories/repositories.ts';
import type { SigningKeys } from '../signing/signing-keys.ts';

export interface CertificateDeps {
  repositories: Repositories;
  catalogue: CurrentCatalogue;
  keys: SigningKeys;
  /** The server's clock, in epoch milliseconds. */
  now: () => number;
}

export type Completion = { certificate: StoredCertificate } | { missing: Missing };

/**
 * The trainee's completion record, issued now if the course is complete and none exists:
 * 1. a record already issued is the answer, revoked or not, whatever the course is now: a later
 *    content version neither invalidates nor re-issues it;
 * 2. the trainee's placed events (a flagged event never counts) are folded by the phone's own
 *    merge rules and checked against the course as it is now; what is missing is the answer;
 * 3. the record: a new id, the trainee's name and unit, the course and its content version,
 *    today's date in Vietnam, each lesson's and the final assessment's best score;
 * 4. signed with the current key (compact JWS);
 * 5. stored unless a concurrent issuance (the trainee's other device syncing at the same moment)
 *    stored one first: the unique (trainee, course) keeps one, and that one is the answer.
 */
export async function completionOf(deps: CertificateDeps, trainee: Trainee): Promise<Completion> {
  const { certificates, events } = deps.repositories;
  // 1.
  const issued = await certificates.ofTrainee(trainee.id, COURSE_ID);
  if (issued) return { certificate: issued };
  // 2.
  const { catalogue } = deps.catalogue();
  const completion = courseCompletion(completionCourseOf(catalogue), foldEvents(await events.eventsOf(trainee.id, { flagged: false })));
  if (!completion.complete) return { missing: completion.missing };
  // 3.
  const now = deps.now();
  const record: CompletionRecord = {
    jti: newRecordId(),
    sub: trainee.id,
    name: trainee.name,
    unit: trainee.unit,
    course: COURSE_ID,
    version: contentVersionOf(catalogue),
    completed: vietnamDate(now),
    iat: Math.floor(now / 1000),
    scores: Object.fromEntries(Object.entries(completion.scores).map(([id, share]) => [id, toPercent(share)])),
    final: toPercent(completion.final),
  };
  // 4.
  const signer = deps.keys.signer();
  const jws = await signCompletionRecord(record, signer);
  // 5.
  const certificate = {
    id: record.jti,
    traineeId: trainee.id,
    courseId: COURSE_ID,
    name: record.name,
    unit: record.unit,
    contentVersion: record.version,
    completedOn: record.completed,
    kid: signer.kid,
    jws,
    issuedAt: new Date(now).toISOString(),
  };
  if (await certificates.insert(certificate)) return { certificate: { ...certificate, revokedAt: null, revokeReason: null } };
  return { certificate: (await certificates.ofTrainee(trainee.id, COURSE_ID))! };
}

/**
 * After a sync stored new events: issue the record if they may have completed the course. Only
 * a lesson's completion or a passed quiz can be the last step (the app records lesson_completed
 * once a lesson's last section is read and its quiz passed), so a sync of section reads costs no
 * query. Whatever this misses, GET /api/v1/completion issues: the phone asks it when its own
 * progress has passed the final assessment. A failure here is logged and never fails the sync,
 * whose events are already stored.
 */
export async function issueAfterSync(deps: CertificateDeps, trainee: Trainee, stored: readonly LearnerEvent[]): Promise<void> {
  const mayComplete = stored.some((e) => e.type === 'lesson_completed' || (e.type === 'quiz_answered' && e.payload.passed));
  if (!mayComplete) return;
  try {
    await completionOf(deps, trainee);
  } catch (e) {
    console.error('completion record not issued after sync; GET /api/v1/completion will try again', e);
  }
}

/** The course as the completion rule needs it: the catalogue's lessons, the final assessment among them. */
function completionCourseOf(catalogue: Catalogue): CompletionCourse {
  return { lessons: catalogue.lessons.map((l) => ({ ...l, quiz: l.questions.length > 0 })) };
}

/** The build's content version; a catalogue written without one gets a hash of itself, stable for the same course. */
function contentVersionOf(catalogue: Catalogue): string {
  return catalogue.version ?? createHash('sha256').update(JSON.stringify(catalogue.lessons)).digest('hex').slice(0, 10);
}

// The enrolment codes' alphabet: no 0/O or 1/I/L to misread when an officer types an id.
const ID_ALPHABET = ENROLMENT_CODE_ALPHABET.toLowerCase();

/** "ce-" and 16 letters from a 31-letter alphabet: about 79 random bits. */
function newRecordId(): string {
  let id = 'ce-';
  for (let i = 0; i < 16; i++) id += ID_ALPHABET[randomInt(ID_ALPHABET.length)];
  return id;
}
