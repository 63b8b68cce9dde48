/**
 * The Cache Storage name for course files downloaded from the course list (src/app/offline) and
 * served by the service worker (src/sw) when they are not in its precache: an old lesson file
 * kept after an update, say. One name, so both sides always agree.
 */
export const COURSE_DOWNLOAD_CACHE = 'egov-course-download';
