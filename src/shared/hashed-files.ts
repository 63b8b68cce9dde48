/**
 * Files named by a hash of their content: the same name always means the same bytes, so the
 * server lets phones keep them for a year, and the service worker answers them from any cache
 * and keeps the outgoing version's across an update. Vite names the app's files
 * `/assets/<name>-<8 characters>.<ext>`; the lessons plugin names the course's files with
 * hashedCoursePath: `/course/<path>.<10 hex digits>.<ext>`.
 */
export function isHashedFile(pathname: string): boolean {
  return /^\/assets\/[^/]+-[\w-]{8}\.\w+$/.test(pathname) || /^\/course\/.+\.[0-9a-f]{10}\.\w+$/.test(pathname);
}

/** A course file's published path: `course/lessons/x.json` with its SHA-256 → `course/lessons/x.<10 hex>.json`. */
export function hashedCoursePath(path: string, sha256Hex: string): string {
  return path.replace(/(\.\w+)$/, `.${sha256Hex.slice(0, 10)}$1`);
}
