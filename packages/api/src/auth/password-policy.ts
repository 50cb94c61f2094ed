import { type PasswordOwner, passwordProblem } from '@homegroup/core';
import { dictionary } from '@zxcvbn-ts/language-common';
import { refuseField } from '../errors';

let common: ReadonlySet<string> | null = null;

/** The ~49,000 most used passwords from real breaches, as zxcvbn-ts ships them. */
function commonPasswords(): ReadonlySet<string> {
  common ??= new Set(
    (dictionary['passwords-common'] as readonly string[]).map((p) => p.toLowerCase()),
  );
  return common;
}

/** Refuses a new password that breaks the policy, with the reason beside the field. */
export function checkNewPassword(field: string, password: string, owner: PasswordOwner): void {
  const set = commonPasswords();
  const problem = passwordProblem(password, owner, (s) => set.has(s));
  if (problem) refuseField(field, problem);
}
