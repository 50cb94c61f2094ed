import { z } from 'zod';

export const signInInput = z.object({
  email: z
    .string({ error: 'Enter your work e-mail address.' })
    .trim()
    .min(1, 'Enter your work e-mail address.')
    .max(254, 'That e-mail address is too long.')
    .pipe(z.email({ error: 'Enter an e-mail address such as name@example.org.' })),
  password: z
    .string({ error: 'Enter your password.' })
    .min(1, 'Enter your password.')
    .max(1024, 'That password is too long.'),
});
export type SignInInput = z.infer<typeof signInInput>;

export const switchFacilityInput = z.object({
  facilityId: z.uuid({ error: 'Choose a facility from the list.' }),
});
export type SwitchFacilityInput = z.infer<typeof switchFacilityInput>;
