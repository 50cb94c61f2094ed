import { getTypesForLanguage, isMeetingType } from '@code4recovery/spec';
import { describe, expect, it } from 'vitest';
import {
  COMMUNITY_FILTER_CODES,
  isSpecCode,
  LANGUAGE_TYPE_CODES,
  resolveTypes,
  typeName,
  withinOneEdit,
} from './meeting-types';

describe('resolveTypes', () => {
  it('keeps spec codes, de-duplicated and sorted', () => {
    expect(resolveTypes(['SP', 'O', 'D', 'O', '12x12'])).toEqual({
      codes: ['12x12', 'D', 'O', 'SP'],
      unknown: [],
      online: false,
      fixes: [],
    });
  });

  it('splits text at commas and semicolons, also inside an array', () => {
    expect(resolveTypes('O, D; B')).toMatchObject({
      codes: ['B', 'D', 'O'],
      fixes: ['types-as-text'],
    });
    expect(resolveTypes(['O, D'])).toMatchObject({ codes: ['D', 'O'], fixes: [] });
  });

  it('reads codes in any case', () => {
    expect(resolveTypes(['o', 'Sp', '12X12', 'lgbtq'])).toMatchObject({
      codes: ['12x12', 'LGBTQ', 'O', 'SP'],
      fixes: ['lower-case-type-codes'],
    });
  });

  it('reads ONL in any case as online, not as a type code', () => {
    expect(resolveTypes(['C', 'onl'])).toEqual({
      codes: ['C'],
      unknown: [],
      online: true,
      fixes: ['onl-code'],
    });
    expect(resolveTypes(['Online'])).toMatchObject({ codes: [], online: true });
  });

  it('keeps TC, a spec code', () => {
    expect(resolveTypes(['TC', 'ONL'])).toMatchObject({ codes: ['TC'], online: true });
  });

  it('reads English and Spanish names, ignoring case and accents', () => {
    expect(resolveTypes(['Open', 'big book', 'Abierta', 'Discusión', 'ESPAÑOL'])).toMatchObject({
      codes: ['B', 'D', 'O', 'S'],
      unknown: [],
      fixes: ['types-as-names'],
    });
  });

  it('forgives one typo in names of five letters or more', () => {
    expect(resolveTypes(['Speeker', 'Womem', 'Literatur', 'Step Studdy'])).toMatchObject({
      codes: ['LIT', 'SP', 'ST', 'W'],
      unknown: [],
      fixes: ['misspelt-types'],
    });
    // "Men" is three letters: "Man" could be anything.
    expect(resolveTypes(['Man', 'Opne'])).toMatchObject({ codes: [], unknown: ['Man', 'Opne'] });
  });

  it('keeps numbers and unknown words as unknown, as given', () => {
    expect(resolveTypes([' LGBTQIA ', 7, 'AC', 'AC'])).toEqual({
      codes: [],
      unknown: ['LGBTQIA', '7', 'AC'],
      online: false,
      fixes: [],
    });
  });

  it('ignores empty strings and junk without throwing', () => {
    for (const junk of [undefined, null, '', [''], {}, [null, {}, []], true, [' , ;']]) {
      expect(resolveTypes(junk)).toMatchObject({ codes: [], unknown: [], online: false });
    }
  });

  it('does not take inherited property names for codes', () => {
    // The spec's isMeetingType uses `in`, which says yes to these.
    expect(isMeetingType('toString')).toBe(true);
    expect(isSpecCode('toString')).toBe(false);
    expect(resolveTypes(['toString', 'constructor'])).toMatchObject({
      codes: [],
      unknown: ['toString', 'constructor'],
    });
  });
});

describe('typeName', () => {
  it('names codes from the spec in English and Spanish', () => {
    expect(typeName('O', 'en')).toBe('Open');
    expect(typeName('O', 'es')).toBe('Abierta');
    expect(typeName('B')).toBe('Big Book');
    expect(typeName('ONL', 'en')).toBe('Online');
    expect(typeName('ONL', 'es')).toBe('En línea');
    expect(typeName('AC', 'en')).toBe('AC');
  });
});

describe('code lists', () => {
  it('holds only spec codes', () => {
    for (const code of [...LANGUAGE_TYPE_CODES, ...COMMUNITY_FILTER_CODES]) {
      expect(isSpecCode(code)).toBe(true);
    }
  });

  it('lists the spec codes whose English name is a language', () => {
    expect(LANGUAGE_TYPE_CODES).toEqual(expect.arrayContaining(['EN', 'S', 'FR', 'ASL', 'POL']));
    const english = getTypesForLanguage('en');
    expect(LANGUAGE_TYPE_CODES.map((code) => english[code])).not.toContain('Open');
    expect(new Set(LANGUAGE_TYPE_CODES).size).toBe(LANGUAGE_TYPE_CODES.length);
  });

  it('lists the codes a "for whom" filter needs', () => {
    expect(COMMUNITY_FILTER_CODES).toEqual(expect.arrayContaining(['W', 'M', 'LGBTQ', 'Y']));
  });
});

describe('withinOneEdit', () => {
  it('counts one insertion, deletion or substitution', () => {
    expect(withinOneEdit('discusion', 'discussion')).toBe(true);
    expect(withinOneEdit('speeker', 'speaker')).toBe(true);
    expect(withinOneEdit('abc', 'abc')).toBe(true);
    expect(withinOneEdit('abcd', 'abc')).toBe(true);
    expect(withinOneEdit('abc', 'cab')).toBe(false);
    expect(withinOneEdit('open', 'opened')).toBe(false);
  });
});
