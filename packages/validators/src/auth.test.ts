import { describe, expect, it } from 'vitest';
import { signInInput } from './auth';
import { clientsListInput } from './clients';

describe('signInInput', () => {
  it('trims the e-mail and accepts a password as typed', () => {
    expect(signInInput.parse({ email: '  a@b.org ', password: ' x ' })).toEqual({
      email: 'a@b.org',
      password: ' x ',
    });
  });

  it('says in plain words what is missing', () => {
    const result = signInInput.safeParse({ email: '', password: '' });
    expect(result.success).toBe(false);
    const messages = result.error?.issues.map((i) => [i.path.join('.'), i.message]);
    expect(messages).toEqual([
      ['email', 'Enter your work e-mail address.'],
      ['password', 'Enter your password.'],
    ]);
  });

  it('rejects something that is not an e-mail address', () => {
    const result = signInInput.safeParse({ email: 'not-an-email', password: 'x' });
    expect(result.error?.issues[0]?.message).toBe(
      'Enter an e-mail address such as name@example.org.',
    );
  });
});

describe('clientsListInput', () => {
  it('defaults paging and caps the page size at 100', () => {
    expect(clientsListInput.parse({})).toEqual({ page: 1, pageSize: 25 });
    expect(clientsListInput.safeParse({ pageSize: 101 }).error?.issues[0]?.message).toBe(
      'Show at most 100 rows per page.',
    );
  });
});
