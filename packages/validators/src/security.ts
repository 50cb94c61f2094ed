import { z } from 'zod';
import { id, isoDate } from './fields';
import { pageInput } from './pagination';

/** Staff roles, as the staff screens offer them (the same list as `ROLES` in core). */
export const STAFF_ROLES = ['admin', 'counselor', 'group_monitor', 'alumni_coordinator'] as const;

/** A six-digit code from an authenticator app; spaces people type from the screen are dropped. */
const totpCode = z
  .string({ error: 'Enter the 6-digit code from your authenticator app.' })
  .transform((v) => v.replace(/[\s-]/g, ''))
  .pipe(
    z
      .string()
      .min(1, 'Enter the 6-digit code from your authenticator app.')
      .regex(/^\d{6}$/, 'The code is 6 digits, as your authenticator app shows it.'),
  );

/** The new password itself is checked on the server, against the policy and the common list. */
const newPassword = z
  .string({ error: 'Enter a new password.' })
  .min(1, 'Enter a new password.')
  .max(1024, 'That password is too long.');

const currentPassword = z
  .string({ error: 'Enter your current password.' })
  .min(1, 'Enter your current password.')
  .max(1024, 'That password is too long.');

export const signInCodeInput = z.object({
  challenge: z
    .string({ error: 'Sign in with your password first.' })
    .regex(/^[A-Za-z0-9_-]{20,100}$/, 'Sign in with your password first.'),
  code: totpCode,
});
export type SignInCodeInput = z.infer<typeof signInCodeInput>;

export const changePasswordInput = z.object({ currentPassword, newPassword });
export type ChangePasswordInput = z.infer<typeof changePasswordInput>;

export const confirmTwoFactorInput = z.object({ code: totpCode });
export const turnOffTwoFactorInput = z.object({ currentPassword });
export const endSessionInput = z.object({ sessionId: id('a session') });

const displayName = z
  .string({ error: 'Enter their name.' })
  .trim()
  .min(1, 'Enter their name.')
  .max(120, 'A name can be at most 120 characters.');

export const createStaffInput = z.object({
  displayName,
  email: z
    .string({ error: 'Enter their work e-mail address.' })
    .trim()
    .toLowerCase()
    .min(1, 'Enter their work e-mail address.')
    .max(254, 'That e-mail address is too long.')
    .pipe(z.email({ error: 'Enter an e-mail address such as name@example.org.' })),
  role: z.enum(STAFF_ROLES, { error: 'Choose a role from the list.' }),
  temporaryPassword: newPassword,
});
export type CreateStaffInput = z.infer<typeof createStaffInput>;

export const setStaffRoleInput = z.object({
  staffUserId: id('a staff member'),
  role: z.enum(STAFF_ROLES, { error: 'Choose a role from the list.' }),
});
export const setStaffActiveInput = z.object({
  staffUserId: id('a staff member'),
  active: z.boolean({ error: 'Say whether the account is enabled.' }),
});
export const staffMemberInput = z.object({ staffUserId: id('a staff member') });

/** Emergency access: a reason a reviewer can judge, not a single word. */
export const EMERGENCY_REASON_MIN = 20;
export const openEmergencyAccessInput = z.object({
  clientId: id('a client'),
  reason: z
    .string({ error: 'Say why you need this record now.' })
    .trim()
    .min(
      EMERGENCY_REASON_MIN,
      `Say why you need this record now, in at least ${EMERGENCY_REASON_MIN} characters. An admin will review it.`,
    )
    .max(1000, 'Keep the reason to 1000 characters.'),
});
export type OpenEmergencyAccessInput = z.infer<typeof openEmergencyAccessInput>;

export const emergencyClientInput = z.object({ clientId: id('a client') });
export const findClientInput = z.object({
  query: z
    .string({ error: 'Type part of a name or record number.' })
    .trim()
    .min(2, 'Type at least 2 letters of a name or record number.')
    .max(100, 'Type at most 100 characters.'),
});

export const reviewEmergencyAccessInput = z.object({
  grantId: id('an emergency access'),
  outcome: z.enum(['appropriate', 'not_appropriate'], {
    error: 'Say whether the access was appropriate.',
  }),
  note: z
    .string()
    .trim()
    .max(1000, 'Keep the note to 1000 characters.')
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional(),
});
export type ReviewEmergencyAccessInput = z.infer<typeof reviewEmergencyAccessInput>;

export const AUDIT_ACTIONS = [
  'create',
  'read',
  'update',
  'delete',
  'execute',
  'sign_in',
  'sign_out',
  'export',
  'disclose',
] as const;

/** The admin audit viewer's filters; each is optional. */
export const auditFilterInput = z
  .object({
    clientId: id('a client').nullable().optional(),
    staffUserId: id('a staff member').nullable().optional(),
    action: z
      .enum(AUDIT_ACTIONS, { error: 'Choose an action from the list.' })
      .nullable()
      .optional(),
    from: isoDate('the first day').nullable().optional(),
    to: isoDate('the last day').nullable().optional(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, {
    message: 'The first day must come before the last day.',
    path: ['to'],
  });
export type AuditFilterInput = z.infer<typeof auditFilterInput>;

export const auditEventsInput = z.object({ filter: auditFilterInput, ...pageInput });
export const disclosureAccountingInput = z.object({ clientId: id('a client') });

export const securitySettingsInput = z.object({
  requireAdminTwoFactor: z.boolean({ error: 'Say whether admins must use two-step sign-in.' }),
});
