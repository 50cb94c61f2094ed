import { describe, expect, it } from 'vitest';
import { MAX_FEED_ROWS, parseFeedText } from './parse-feed';

const message = (text: string, maxRows?: number) => {
  const result = parseFeedText(text, maxRows === undefined ? {} : { maxRows });
  return result.ok ? null : result.message;
};

describe('parseFeedText', () => {
  it('returns the rows of a JSON array', () => {
    expect(parseFeedText('[{"slug":"a"},{"slug":"b"}]')).toEqual({
      ok: true,
      rows: [{ slug: 'a' }, { slug: 'b' }],
    });
  });

  it('strips a UTF-8 byte-order mark and surrounding whitespace', () => {
    expect(parseFeedText('\uFEFF\n  [{"slug":"a"}]\n')).toEqual({
      ok: true,
      rows: [{ slug: 'a' }],
    });
  });

  it('accepts an object holding the list under "meetings"', () => {
    expect(parseFeedText('{"meetings":[{"slug":"a"}]}')).toEqual({
      ok: true,
      rows: [{ slug: 'a' }],
    });
  });

  it('says when the feed is empty', () => {
    expect(message('')).toBe('The feed is empty.');
    expect(message(' \n\t ')).toBe('The feed is empty.');
    expect(message('\uFEFF')).toBe('The feed is empty.');
  });

  it('recognises a web page', () => {
    const webPage =
      'The address returned a web page, not a meeting feed. It is often an error page: check the address.';
    expect(message('<!DOCTYPE html><html><body>Not found</body></html>')).toBe(webPage);
    expect(message('  <html lang="en">')).toBe(webPage);
    expect(message('<br />\n<b>Fatal error</b>')).toBe(webPage);
  });

  it('says where invalid JSON breaks', () => {
    expect(message('[\n  {"slug": "a"},\n  {"slug": "b",}\n]')).toBe(
      'The feed is not valid JSON (the problem is at line 3, column 16). Nothing was imported.',
    );
    expect(message('[{"slug": "a"}')).toBe(
      'The feed is not valid JSON (it stops part-way through). Nothing was imported.',
    );
    expect(message('meetings')).toMatch(/^The feed is not valid JSON.*Nothing was imported\.$/);
  });

  it('refuses JSON that is not a list of meetings', () => {
    expect(message('{"error":"not found"}')).toBe(
      'The feed is valid JSON but not a list of meetings (it holds an object with no list under "meetings"). Nothing was imported.',
    );
    expect(message('{"meetings":"none"}')).toMatch(/not a list of meetings/);
    expect(message('"hello"')).toBe(
      'The feed is valid JSON but not a list of meetings (it holds a single string). Nothing was imported.',
    );
    expect(message('null')).toMatch(/\(it holds null\)/);
    expect(message('42')).toMatch(/\(it holds a single number\)/);
  });

  it('says when the list is empty', () => {
    expect(message('[]')).toBe('The feed holds no meetings.');
    expect(message('{"meetings":[]}')).toBe('The feed holds no meetings.');
  });

  it('refuses more rows than one import takes', () => {
    expect(MAX_FEED_ROWS).toBe(50_000);
    expect(message('[1,2,3]', 2)).toBe('The feed has 3 rows; the most one import takes is 2.');
    const rows = JSON.stringify(Array.from({ length: 50_001 }, (_, i) => ({ slug: i })));
    expect(message(rows)).toBe('The feed has 50,001 rows; the most one import takes is 50,000.');
    expect(parseFeedText(rows, { maxRows: 60_000 }).ok).toBe(true);
  });
});
