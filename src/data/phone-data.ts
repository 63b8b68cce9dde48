/*
 * The data layer's public face for the UI, loaded lazily as one module (src/app/data-layer.ts):
 * the first screen draws without Dexie, then progress and the sync status fill in. Everything the
 * UI does with the phone's data goes through these names.
 */
export { completionRecord, courseProgress, enrolment, lessonProgress, syncState, type Live } from './live-queries.ts';
export type { KeptCompletion } from './completion/kept-completion.ts';
export { answerQuiz, completeLesson, followCourse, markSectionRead, retryWaitingEvents, saveNote, setBookmark } from './verbs.ts';
export { enrol, type EnrolError, type EnrolResult } from './enrol.ts';
export { startSyncEngine, syncAppNow, type SyncRun } from './sync/engine.ts';
export { exportProgress } from './transfer/export-progress.ts';
export { importProgress, type ImportError, type ImportResult } from './transfer/import-progress.ts';
export type { ProgressFile } from './transfer/progress-file.ts';
