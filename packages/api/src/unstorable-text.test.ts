import { describe, expect, it } from 'vitest';
import { hasUnstorableText } from './unstorable-text';

describe('text that cannot be stored', () => {
  it('is found at any depth, in keys too', () => {
    expect(hasUnstorableText('a\u0000b')).toBe(true);
    expect(hasUnstorableText({ a: [{ b: 'x\u001b[31m' }] })).toBe(true);
    expect(hasUnstorableText({ 'k\u0000': 1 })).toBe(true);
    expect(hasUnstorableText(['\uD800'])).toBe(true);
    expect(hasUnstorableText('\uDC00x')).toBe(true);
    expect(hasUnstorableText('x\u007f')).toBe(true);
  });

  it('lets ordinary text through: tabs, line breaks, accents, emoji, right-to-left', () => {
    expect(hasUnstorableText({ note: 'Line one\r\n\tLine two — café 👩‍👩‍👧 שלום' })).toBe(false);
    expect(hasUnstorableText([1, null, true, { a: '\u200b' }])).toBe(false);
    expect(hasUnstorableText(undefined)).toBe(false);
  });
});
