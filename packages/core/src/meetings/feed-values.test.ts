import { describe, expect, it } from 'vitest';
import {
  addressOf,
  cleanLabel,
  cleanText,
  coordinates,
  httpUrl,
  regionsOf,
  textOrNumber,
  timeZone,
  updatedAt,
} from './feed-values';

const now = new Date('2026-01-15T12:00:00Z');

describe('text', () => {
  it('trims, turns whitespace-only and line-end noise into null', () => {
    expect(cleanText('  Ring the bell.  ')).toBe('Ring the bell.');
    expect(cleanText('\t\t\t            ')).toBeNull();
    expect(cleanText('\r\n')).toBeNull();
    expect(cleanText('Line one\r\nLine two')).toBe('Line one\nLine two');
    expect(cleanText(42)).toBeNull();
  });

  it('collapses whitespace in one-line labels and reads numbers', () => {
    expect(cleanLabel(' 84th Street  1201 ')).toBe('84th Street 1201');
    expect(cleanLabel(254)).toBe('254');
    expect(textOrNumber(64113)).toBe('64113');
    expect(textOrNumber({})).toBeNull();
  });
});

describe('httpUrl', () => {
  it('keeps http and https links and rejects others', () => {
    expect(httpUrl(' https://zoom.us/j/123 ')).toEqual({
      value: 'https://zoom.us/j/123',
      invalid: false,
    });
    expect(httpUrl('')).toEqual({ value: null, invalid: false });
    expect(httpUrl(null)).toEqual({ value: null, invalid: false });
    expect(httpUrl('zoom.us/j/123')).toEqual({ value: null, invalid: true });
    expect(httpUrl('javascript:alert(1)')).toEqual({ value: null, invalid: true });
    expect(httpUrl(12)).toEqual({ value: null, invalid: true });
  });
});

describe('timeZone', () => {
  it('keeps zones the runtime knows, in canonical spelling', () => {
    expect(timeZone('America/Chicago')).toEqual({ value: 'America/Chicago', invalid: false });
    expect(timeZone('america/chicago')).toEqual({ value: 'America/Chicago', invalid: false });
    expect(timeZone('Mars/Olympus_Mons')).toEqual({ value: null, invalid: true });
    expect(timeZone(5)).toEqual({ value: null, invalid: true });
    expect(timeZone(undefined)).toEqual({ value: null, invalid: false });
  });
});

describe('coordinates', () => {
  it('keeps numbers and numeric strings in range, to six decimals', () => {
    expect(coordinates(38.7186782, '-75.0780198')).toEqual({
      value: { latitude: 38.718678, longitude: -75.07802 },
      invalid: false,
    });
  });

  it('rejects 0,0, out-of-range and unreadable values', () => {
    for (const [lat, lng] of [
      [0, 0],
      ['0', '0'],
      [91, 10],
      [10, -181],
      ['north', 10],
      [10, null],
    ]) {
      expect(coordinates(lat, lng)).toEqual({ value: null, invalid: true });
    }
    expect(coordinates(undefined, '')).toEqual({ value: null, invalid: false });
  });
});

describe('updatedAt', () => {
  it('reads the formats feeds use, zone-less ones as UTC', () => {
    expect(updatedAt('2023-08-22 21:29:56', now).value).toBe('2023-08-22T21:29:56.000Z');
    expect(updatedAt('2023-08-22', now).value).toBe('2023-08-22T00:00:00.000Z');
    expect(updatedAt('2023-08-22T21:29:56-04:00', now).value).toBe('2023-08-23T01:29:56.000Z');
    expect(updatedAt('8/25/2022 11:17:07 AM', now).value).toBe('2022-08-25T11:17:07.000Z');
    expect(updatedAt('9/8/2022 1:41:27 PM', now).value).toBe('2022-09-08T13:41:27.000Z');
    expect(updatedAt('12/31/2021 12:05:00 AM', now).value).toBe('2021-12-31T00:05:00.000Z');
  });

  it('rejects impossible and future dates', () => {
    for (const bad of [
      '2023-02-30 10:00:00',
      '13/1/2022 1:00:00 PM',
      'yesterday',
      '2027-01-01',
      17,
    ]) {
      expect(updatedAt(bad, now)).toEqual({ value: null, invalid: true });
    }
    expect(updatedAt('', now)).toEqual({ value: null, invalid: false });
  });
});

describe('addressOf', () => {
  it('prefers formatted_address', () => {
    expect(addressOf({ formatted_address: '18 Olive Ave, Rehoboth Beach, DE 19971, USA' })).toEqual(
      {
        formattedAddress: '18 Olive Ave, Rehoboth Beach, DE 19971, USA',
        city: null,
        postalCode: null,
        hasStreetAddress: true,
      },
    );
  });

  it('joins the parts, reading an integer postal code', () => {
    const row = {
      address: '707 W. 47th ',
      city: 'Kansas City',
      state: 'MO',
      postal_code: 64112,
      country: 'USA',
    };
    expect(addressOf(row)).toEqual({
      formattedAddress: '707 W. 47th, Kansas City, MO, 64112, USA',
      city: 'Kansas City',
      postalCode: '64112',
      hasStreetAddress: true,
    });
  });

  it('does not count a city alone as a place to go', () => {
    expect(addressOf({ address: '', city: 'Kansas City', state: 'MO' })).toMatchObject({
      formattedAddress: 'Kansas City, MO',
      hasStreetAddress: false,
    });
    expect(addressOf({})).toMatchObject({ formattedAddress: null, hasStreetAddress: false });
  });
});

describe('regionsOf', () => {
  it('reads regions, else region and sub_region', () => {
    expect(regionsOf({ regions: ['Sussex', ' Rehoboth ', '', 'Sussex'], region: 'x' })).toEqual([
      'Sussex',
      'Rehoboth',
    ]);
    expect(regionsOf({ region: 'Edmonton', sub_region: 'South' })).toEqual(['Edmonton', 'South']);
    expect(regionsOf({ region: 12 })).toEqual(['12']);
    expect(regionsOf({})).toEqual([]);
  });
});
