import { z } from "zod";

export const setupSchema = z.object({
  name: z.string().trim().min(1, "is required").max(100),
  email: z.email("must be an email address").max(254),
  password: z.string().min(8, "must be at least 8 characters").max(256),
});
