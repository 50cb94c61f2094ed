import { z } from 'zod';

/** Field schemas every form shares, with messages written for staff. */
export const isoDate = (what: string) =>
  z
    .string({ error: `Give ${what} as a date.` })
    .min(1, `Give ${what}.`)
    .regex(/^\d{4}-\d{2}-\d{2}$/, `Give ${what} as a date (YYYY-MM-DD).`)
    .refine(
      (v) =>
        !Number.isNaN(new Date(`${v}T00:00:00Z`).getTime()) &&
        new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
      `${what[0]?.toUpperCase()}${what.slice(1)} is not a real date.`,
    );

export const optionalText = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, `${what} can be at most ${max} characters.`)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();

export const id = (what: string) => z.uuid({ error: `Choose ${what} from the list.` });
