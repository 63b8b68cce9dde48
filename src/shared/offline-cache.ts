/**
 * The Cache Storage name for course files downloaded from the course list (src/app/offline);
 * the service worker (src/sw) answers from any of its caches a hashed file its precache does
 * not hold.
 */
export const COURSE_DOWNLOAD_CACHE = 'egov-course-download';
