/**
 * The password rule, after NIST SP 800-63B: long enough, not a commonly used password, nothing
 * more (no forced mixes of symbols, no forced expiry). A common password with digits or symbols
 * stuck on the end ("baseball2026!") is still a common password.
 */
export const PASSWORD_MIN_LENGTH = 12;
/** Long pass-phrases are welcome; the limit only keeps hashing cheap. */
export const PASSWORD_MAX_LENGTH = 128;

export interface PasswordOwner {
  email: string;
  displayName: string;
}

/** The padding people put around a common word to pass a rule: digits, symbols, spaces. */
const PADDING = /^[\d\W_]*(.*?)[\d\W_]*$/u;

function isRun(text: string): boolean {
  const chars = [...text];
  if (chars.length < 2) return false;
  const codes = chars.map((c) => c.codePointAt(0) ?? 0);
  const allDigits = /^\d+$/u.test(text);
  // Digits count on round the dial: "1234567890" is a run.
  const gap = (from: number, to: number) =>
    allDigits ? (((to - from) % 10) + 10) % 10 : to - from;
  const step = gap(codes[0] as number, codes[1] as number);
  if (![-1, 0, 1, 9].includes(step)) return false;
  return codes.every((c, i) => i === 0 || gap(codes[i - 1] as number, c) === step);
}

/** A pattern repeated over and over ("abcabcabcabc", "aaaaaaaaaaaa"). */
function isRepeat(text: string): boolean {
  for (let size = 1; size <= text.length / 2; size++) {
    if (text.length % size === 0 && text.slice(0, size).repeat(text.length / size) === text) {
      return true;
    }
  }
  return false;
}

/** Whether the password holds any of these words and, once they and the padding go, little else. */
function littleBesides(lower: string, words: readonly string[]): boolean {
  if (!words.some((word) => lower.includes(word))) return false;
  let rest = lower;
  for (const word of words) rest = rest.split(word).join('');
  return rest.replace(/[\d\W_]/gu, '').length < 4;
}

/**
 * Why a new password is refused, in plain words, or null when it is acceptable.
 * @param isCommon whether a lower-case string is on the list of commonly used passwords
 */
export function passwordProblem(
  password: string,
  owner: PasswordOwner,
  isCommon: (lowerCase: string) => boolean,
): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) {
    return `Use at least ${PASSWORD_MIN_LENGTH} characters. A short phrase of several words is easy to remember and hard to guess.`;
  }
  if (length > PASSWORD_MAX_LENGTH) {
    return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  }
  const lower = password.toLowerCase();
  const core = PADDING.exec(lower)?.[1] ?? lower;
  if (isCommon(lower) || (core.length >= 4 && isCommon(core))) {
    return 'That password is on the list of commonly used passwords. Choose one that nobody else would.';
  }
  if (isRepeat(lower) || isRun(lower)) {
    return 'That password is a simple pattern. Choose one that would be hard to guess.';
  }
  const mailbox = owner.email.toLowerCase().split('@')[0] ?? '';
  const words = [...mailbox.split(/[\W_]+/u), ...owner.displayName.toLowerCase().split(/\s+/u)];
  const personal = words.filter((word) => word.length >= 3);
  if (personal.length > 0 && littleBesides(lower, personal)) {
    return 'That password is too close to your name or e-mail address.';
  }
  if (littleBesides(lower, ['homegroup'])) {
    return 'That password is too close to the name of this system.';
  }
  return null;
}
