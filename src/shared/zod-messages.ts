import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

/**
 * Gives zod's issues their English messages ("Too small: expected string to have >=8
 * characters"). zod/mini loads no locale, so without this every default message reads "Invalid
 * input". The server returns these messages in its 400 errors and the build names content
 * problems with them, so the server (read-body.ts) and the lessons plugin (content-error.ts)
 * import this once. The phone must not: it never shows a zod message to a trainee, and the
 * locale is a few KB more on a slow connection. Messages are looked up when an issue is made,
 * so importing this after the schemas are built is enough.
 */
z.config(en());
