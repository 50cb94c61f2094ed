import { describe, expect, it } from 'vitest';
import { PASSWORD_MAX_LENGTH, passwordProblem } from './password-policy';

const COMMON = new Set(['password', 'baseball', 'qwerty123456', 'sunshine']);
const isCommon = (s: string) => COMMON.has(s);
const owner = { email: 'jordan.reyes@cedar.example', displayName: 'Jordan Reyes' };
const problem = (password: string) => passwordProblem(password, owner, isCommon);

describe('passwordProblem', () => {
  it('accepts a long phrase nobody else would choose', () => {
    expect(problem('lantern orchard velvet')).toBeNull();
    expect(problem('Tr0ut-river-at-dawn')).toBeNull();
  });

  it('refuses fewer than 12 characters, counting characters not bytes', () => {
    expect(problem('short phrase')).toBeNull();
    expect(problem('elevenchars')).toMatch(/at least 12 characters/);
    // 11 characters, 22 bytes in UTF-16: still too short.
    expect(problem('ñññññññññññ')).toMatch(/at least 12/);
  });

  it('refuses more than the maximum', () => {
    expect(problem('a quiet harbour '.repeat(9))).toMatch(
      new RegExp(`at most ${PASSWORD_MAX_LENGTH}`),
    );
  });

  it('refuses a common password, in any case', () => {
    expect(problem('QWERTY123456')).toMatch(/commonly used/);
  });

  it('refuses a common word padded with digits and symbols', () => {
    expect(problem('Baseball2026!')).toMatch(/commonly used/);
    expect(problem('!!password1234')).toMatch(/commonly used/);
    expect(problem('  sunshine 99 ')).toMatch(/commonly used/);
  });

  it('refuses repeats and runs', () => {
    expect(problem('aaaaaaaaaaaa')).toMatch(/simple pattern/);
    expect(problem('abcabcabcabc')).toMatch(/simple pattern/);
    expect(problem('123456789012')).toMatch(/simple pattern/);
    expect(problem('987654321098')).toMatch(/simple pattern/);
    expect(problem('abcdefghijkl')).toMatch(/simple pattern/);
    expect(problem('zyxwvutsrqpo')).toMatch(/simple pattern/);
  });

  it("refuses a password that is mostly the owner's name or mailbox", () => {
    expect(problem('Jordan.Reyes2026')).toMatch(/your name or e-mail/);
    expect(problem('reyes!!reyes!')).toMatch(/your name or e-mail/);
    expect(problem('Reyes Jordan 99')).toMatch(/your name or e-mail/);
    expect(problem('jordan.reyes')).toMatch(/your name or e-mail/);
    // The name inside a longer phrase is fine.
    expect(problem('jordan walks the long pier')).toBeNull();
  });

  it("refuses the system's own name", () => {
    expect(problem('Homegroup2026')).toMatch(/name of this system/);
  });
});
