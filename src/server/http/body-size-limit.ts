import { bodyLimit } from 'hono/body-limit';
import { HttpError } from './http-error.ts';

/** The largest request body the API reads: a full sync batch is far below it. */
const MAX_BODY_BYTES = 1024 * 1024;

/** Refuses larger bodies with 413 payload_too_large before anything parses them. */
export const bodySizeLimit = (maxSize = MAX_BODY_BYTES) =>
  bodyLimit({
    maxSize,
    onError: () => {
      // The unread rest of the body is still on the socket: closing it stops the client from
      // sending its next request down a connection the server is about to drop.
      throw new HttpError(413, 'payload_too_large', `The body is larger than ${maxSize} bytes`, undefined, {
        Connection: 'close',
      });
    },
  });
