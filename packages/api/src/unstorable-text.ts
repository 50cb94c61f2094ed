/** A text field may not hold C0 controls other than tab and line breaks, nor DEL. */
function hasControlCharacter(text: string) {
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) return true;
  }
  return false;
}
/** Half of a UTF-16 surrogate pair without its other half. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const UNSTORABLE_TEXT =
  'Some text holds a character that cannot be saved (an invisible control character or a broken symbol). Remove it and try again.';

/**
 * True when any string in `value` (at any depth) holds a control character or a broken UTF-16
 * sequence. PostgreSQL cannot store a NUL at all, and the others only ever arrive by accident
 * or with intent: both are refused in words before anything reads the input.
 */
export function hasUnstorableText(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return hasControlCharacter(value) || LONE_SURROGATE.test(value);
  if (depth > 20 || value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some((v) => hasUnstorableText(v, depth + 1));
  return Object.entries(value).some(
    ([k, v]) => hasUnstorableText(k, depth + 1) || hasUnstorableText(v, depth + 1),
  );
}
