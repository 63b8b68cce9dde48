import * as z from 'zod/mini';
import { traineeSchema } from './sync-api.ts';

/** GET /api/v1/me: whom the device's token belongs to, so the app can show it and check it. */
export const meResponseSchema = z.object({
  trainee: traineeSchema,
  deviceId: z.string(),
});
export type MeResponse = z.infer<typeof meResponseSchema>;
