import { describe, expect, it } from 'vitest';
import { answerProblems, normaliseAnswers, UNKNOWN_ITEMS } from './answers';
import {
  AUDITC,
  BAM,
  BARC10,
  GAD7,
  INSTRUMENTS,
  instrumentDefinition,
  isInstrumentCode,
  PHQ9,
} from './library';
import { changeSince, itemScore, scoreAssessment } from './score';
import { INSTRUMENT_CODES, type InstrumentDefinition, type InstrumentItem } from './types';
import { withWording, wordingProblems } from './wording';

/** Answers for items "1", "2", … in order. */
function inOrder(values: readonly number[]): Record<string, number> {
  return Object.fromEntries(values.map((value, i) => [String(i + 1), value]));
}

function item(def: InstrumentDefinition, id: string): InstrumentItem {
  const found = def.items.find((i) => i.id === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
}

/** Everything a definition must get right for the scorer to be trusted with it. */
function consistencyProblems(def: InstrumentDefinition): string[] {
  const problems: string[] = [];
  const ids = def.items.map((i) => i.id);
  if (new Set(ids).size !== ids.length) problems.push('item ids repeat');
  const byId = new Map(def.items.map((i) => [i.id, i]));

  let min = 0;
  let max = 0;
  for (const it of def.items) {
    if (it.text.trim() === '') problems.push(`item ${it.id} has no text`);
    if (it.scored && !it.required) problems.push(`item ${it.id} is scored but optional`);
    let scores: number[];
    if (it.response.kind === 'choice') {
      const values = it.response.options.map((o) => o.value);
      if (new Set(values).size !== values.length) problems.push(`item ${it.id} repeats a value`);
      scores = it.response.options.map((o) => o.score);
    } else {
      // Day bands must cover 0 … max exactly once.
      let next = 0;
      for (const band of it.response.bands) {
        if (band.from !== next || band.to < band.from) problems.push(`item ${it.id} day bands`);
        next = band.to + 1;
      }
      if (next !== it.response.max + 1) problems.push(`item ${it.id} day bands end`);
      scores = it.response.bands.map((b) => b.score);
    }
    if (it.scored) {
      min += Math.min(...scores);
      max += Math.max(...scores);
    }
  }

  if (def.total) {
    if (def.total.min !== min || def.total.max !== max) {
      problems.push(`total ${def.total.min}–${def.total.max}, items give ${min}–${max}`);
    }
    let next = def.total.min;
    for (const band of def.bands) {
      if (band.from !== next || band.to < band.from) problems.push(`band ${band.label}`);
      next = band.to + 1;
    }
    if (next !== def.total.max + 1) problems.push('bands do not reach the maximum');
  } else if (def.bands.length > 0) {
    problems.push('bands without a total');
  }

  const subscaleIds = new Set(def.subscales.map((s) => s.id));
  for (const subscale of def.subscales) {
    for (const id of subscale.items) {
      if (!byId.get(id)?.scored) problems.push(`subscale ${subscale.id}: item ${id}`);
    }
  }
  for (const line of def.cutOffLines) {
    if (line.subscale !== undefined) {
      if (!subscaleIds.has(line.subscale)) problems.push(`line on subscale ${line.subscale}`);
    } else if (!def.total || line.score < def.total.min || line.score > def.total.max) {
      problems.push(`line ${line.score} outside the total`);
    }
  }
  for (const rule of def.safety) {
    if (!byId.has(rule.itemId)) problems.push(`safety rule on item ${rule.itemId}`);
  }
  return problems;
}

describe('the instrument library', () => {
  it('holds one definition per code, under its own code', () => {
    for (const code of INSTRUMENT_CODES) {
      expect(INSTRUMENTS[code].code).toBe(code);
      expect(instrumentDefinition(code)).toBe(INSTRUMENTS[code]);
      expect(INSTRUMENTS[code].version).toBe(1);
    }
  });

  it('recognises instrument codes', () => {
    expect(isInstrumentCode('phq9')).toBe(true);
    expect(isInstrumentCode('PHQ9')).toBe(false);
    expect(isInstrumentCode('audit')).toBe(false);
  });

  it.each(INSTRUMENT_CODES)('%s is internally consistent', (code) => {
    expect(consistencyProblems(INSTRUMENTS[code])).toEqual([]);
  });

  it('has the item counts and LOINC codes of the published instruments', () => {
    expect(BARC10.items).toHaveLength(10);
    expect(BAM.items.map((i) => i.id)).toEqual([
      ...['1', '2', '3', '4', '5', '6'],
      ...['7a', '7b', '7c', '7d', '7e', '7f', '7g'],
      ...['8', '9', '10', '11', '12', '13', '14', '15', '16', '17'],
    ]);
    expect(PHQ9.items).toHaveLength(9);
    expect(GAD7.items).toHaveLength(7);
    expect(AUDITC.items).toHaveLength(3);
    expect(PHQ9.loinc).toEqual({ panel: '44249-1', total: '44261-6' });
    expect(item(PHQ9, '9').loinc).toBe('44260-8');
    expect(GAD7.loinc?.total).toBe('70274-6');
    expect(AUDITC.loinc?.panel).toBe('72109-2');
    expect(BARC10.loinc).toBeUndefined();
    expect(BAM.loinc).toBeUndefined();
    expect(BARC10.items.every((i) => i.optionLabelsToCheck)).toBe(true);
  });
});

describe('PHQ-9', () => {
  it('scores all "Not at all" as 0, minimal', () => {
    const score = scoreAssessment(PHQ9, inOrder([0, 0, 0, 0, 0, 0, 0, 0, 0]));
    expect(score.total).toBe(0);
    expect(score.band?.label).toBe('Minimal');
    expect(score.safety).toEqual([]);
    expect(score.flags).toEqual([]);
  });

  it('scores a mixed example as 11, moderate, with no safety flag', () => {
    const score = scoreAssessment(PHQ9, inOrder([1, 2, 1, 2, 1, 1, 2, 1, 0]));
    expect(score.total).toBe(11);
    expect(score.band).toEqual({ from: 10, to: 14, label: 'Moderate', level: 2 });
    expect(score.safety).toEqual([]);
  });

  it('raises the safety flag on item 9 above "Not at all", even with a minimal total', () => {
    const score = scoreAssessment(PHQ9, inOrder([0, 0, 0, 0, 0, 0, 0, 0, 1]));
    expect(score.total).toBe(1);
    expect(score.band?.label).toBe('Minimal');
    expect(score.safety).toHaveLength(1);
    expect(score.safety[0]?.itemId).toBe('9');
    expect(score.safety[0]?.message).toContain('suicide-risk protocol');
  });

  it('scores all "Nearly every day" as 27, severe, with the safety flag', () => {
    const score = scoreAssessment(PHQ9, inOrder([3, 3, 3, 3, 3, 3, 3, 3, 3]));
    expect(score.total).toBe(27);
    expect(score.band?.label).toBe('Severe');
    expect(score.band?.level).toBe(4);
    expect(score.safety).toHaveLength(1);
  });

  it('puts each cut-off in the higher band', () => {
    // Totals built from item 1–8 answers, item 9 left at 0.
    const bandOf = (values: number[]) => scoreAssessment(PHQ9, inOrder(values)).band?.label;
    expect(bandOf([1, 1, 1, 1, 0, 0, 0, 0, 0])).toBe('Minimal'); // 4
    expect(bandOf([1, 1, 1, 1, 1, 0, 0, 0, 0])).toBe('Mild'); // 5
    expect(bandOf([2, 2, 2, 2, 1, 0, 0, 0, 0])).toBe('Mild'); // 9
    expect(bandOf([2, 2, 2, 2, 2, 0, 0, 0, 0])).toBe('Moderate'); // 10
    expect(bandOf([2, 2, 2, 2, 2, 2, 2, 0, 0])).toBe('Moderate'); // 14
    expect(bandOf([2, 2, 2, 2, 2, 2, 3, 0, 0])).toBe('Moderately severe'); // 15
    expect(bandOf([3, 3, 3, 3, 3, 2, 2, 0, 0])).toBe('Moderately severe'); // 19
    expect(bandOf([3, 3, 3, 3, 3, 3, 2, 0, 0])).toBe('Severe'); // 20
  });
});

describe('GAD-7', () => {
  it('scores 9 as mild and 10 as moderate, the positive screen', () => {
    const nine = scoreAssessment(GAD7, inOrder([2, 2, 2, 1, 1, 1, 0]));
    expect(nine.total).toBe(9);
    expect(nine.band?.label).toBe('Mild');
    const ten = scoreAssessment(GAD7, inOrder([2, 2, 2, 2, 1, 1, 0]));
    expect(ten.total).toBe(10);
    expect(ten.band?.label).toBe('Moderate');
    expect(GAD7.cutOffLines.find((l) => l.score === 10)?.label).toBe('10: positive screen');
  });

  it('scores the extremes and the severe boundary', () => {
    expect(scoreAssessment(GAD7, inOrder([0, 0, 0, 0, 0, 0, 0])).band?.label).toBe('Minimal');
    const fifteen = scoreAssessment(GAD7, inOrder([3, 3, 3, 3, 3, 0, 0]));
    expect(fifteen.total).toBe(15);
    expect(fifteen.band?.label).toBe('Severe');
    const all = scoreAssessment(GAD7, inOrder([3, 3, 3, 3, 3, 3, 3]));
    expect(all.total).toBe(21);
    expect(all.safety).toEqual([]);
  });
});

describe('AUDIT-C', () => {
  it('separates 2, 3 (positive for women) and 4 (positive for men)', () => {
    const two = scoreAssessment(AUDITC, inOrder([1, 1, 0]));
    expect(two.total).toBe(2);
    expect(two.band?.level).toBe(0);
    const three = scoreAssessment(AUDITC, inOrder([1, 1, 1]));
    expect(three.total).toBe(3);
    expect(three.band?.label).toBe('Positive for women');
    const four = scoreAssessment(AUDITC, inOrder([2, 1, 1]));
    expect(four.total).toBe(4);
    expect(four.band?.label).toBe('Positive (men ≥ 4, women ≥ 3)');
  });

  it('scores the maximum as 12', () => {
    const score = scoreAssessment(AUDITC, inOrder([4, 4, 4]));
    expect(score.total).toBe(12);
    expect(score.band?.level).toBe(2);
  });
});

describe('BARC-10', () => {
  it('scores all "Strongly agree" as 60 and all "Strongly disagree" as 10', () => {
    const top = scoreAssessment(BARC10, inOrder(Array(10).fill(6)));
    expect(top.total).toBe(60);
    expect(top.band?.level).toBe(0);
    const bottom = scoreAssessment(BARC10, inOrder(Array(10).fill(1)));
    expect(bottom.total).toBe(10);
    expect(bottom.band?.label).toBe('Below 47');
  });

  it('puts 47 on the sustained-remission side and 46 below it', () => {
    const at47 = scoreAssessment(BARC10, inOrder([5, 5, 5, 5, 5, 5, 5, 4, 4, 4]));
    expect(at47.total).toBe(47);
    expect(at47.band?.label).toBe('47 or more: sustained remission likely');
    const at46 = scoreAssessment(BARC10, inOrder([5, 5, 5, 5, 5, 5, 4, 4, 4, 4]));
    expect(at46.total).toBe(46);
    expect(at46.band?.label).toBe('Below 47');
  });
});

describe('BAM', () => {
  // Every day-band boundary appears once among the nine day items.
  const crossing = {
    '1': 2, // Good → 2
    '2': 0, // → 0
    '3': 1, // → 1
    '4': 3, // → 1
    '5': 4, // → 2
    '6': 8, // → 2
    '7a': 10,
    '7c': 30,
    '8': 3, // Considerably → 3
    '9': 1, // Slightly → 1
    '10': 9, // → 3
    '11': 15, // → 3
    '12': 0, // Not at all → 0
    '13': 16, // → 4
    '14': 1, // Yes → 4
    '15': 2, // Moderately → 2
    '16': 30, // → 4
    '17': 4, // not scored
  };

  it('scores day counts by band at every boundary', () => {
    const days = item(BAM, '2');
    const pairs = [
      [0, 0],
      [1, 1],
      [3, 1],
      [4, 2],
      [8, 2],
      [9, 3],
      [15, 3],
      [16, 4],
      [30, 4],
    ];
    for (const [count, score] of pairs) expect(itemScore(days, count as number)).toBe(score);
    expect(() => itemScore(days, 31)).toThrow(RangeError);
    expect(() => itemScore(days, 2.5)).toThrow(RangeError);
  });

  it('scores a full worked example into its three subscales', () => {
    const score = scoreAssessment(BAM, crossing);
    expect(score.total).toBeNull();
    expect(score.band).toBeNull();
    // Use 1+2+2; Risk 2+0+1+3+3+2; Protective 1+3+0+4+4+4.
    expect(score.subscales).toEqual({ use: 5, risk: 11, protective: 16 });
    expect(score.flags).toEqual(['Use 5 (at least 1)']);
    expect(score.safety).toEqual([]);
  });

  it('scores item 14 "Yes" as 4 and "No" as 0', () => {
    expect(itemScore(item(BAM, '14'), 1)).toBe(4);
    expect(itemScore(item(BAM, '14'), 0)).toBe(0);
    const no = scoreAssessment(BAM, { ...crossing, '14': 0 });
    expect(no.subscales.protective).toBe(12);
  });

  it('counts neither items 7a–g nor item 17', () => {
    const changed = {
      ...crossing,
      '7a': 0,
      '7b': 30,
      '7c': 0,
      '7d': 30,
      '7e': 30,
      '7f': 30,
      '7g': 30,
      '17': 0,
    };
    expect(scoreAssessment(BAM, changed).subscales).toEqual({ use: 5, risk: 11, protective: 16 });
  });

  it('flags Risk at 12 and Protective at 12 but not Use at 0', () => {
    const answers = {
      '1': 4, // Poor → 4
      '2': 16, // → 4
      '3': 0,
      '4': 0,
      '5': 0,
      '6': 0,
      '8': 2, // → 2
      '9': 2, // → 2
      '10': 9, // → 3
      '11': 1, // → 1
      '12': 2, // → 2
      '13': 1, // → 1
      '14': 0, // No → 0
      '15': 1, // → 1
      '16': 16, // → 4
      '17': 2,
    };
    const score = scoreAssessment(BAM, answers);
    expect(score.subscales).toEqual({ use: 0, risk: 12, protective: 12 });
    expect(score.flags).toEqual(['Risk 12 (at least 12)', 'Protective 12 (12 or less)']);
  });

  it('does not flag Risk at 11 or Protective at 13', () => {
    const answers = {
      '1': 4,
      '2': 16,
      '3': 0,
      '4': 0,
      '5': 0,
      '6': 0,
      '8': 2,
      '9': 2,
      '10': 9,
      '11': 1,
      '12': 2,
      '13': 4, // → 2
      '14': 0,
      '15': 0, // → 0
      '16': 16,
      '17': 2,
    };
    const score = scoreAssessment(BAM, answers);
    expect(score.subscales).toEqual({ use: 0, risk: 11, protective: 13 });
    expect(score.flags).toEqual([]);
  });

  it('draws its cut-off lines on subscales', () => {
    expect(BAM.cutOffLines.map((l) => [l.subscale, l.score])).toEqual([
      ['use', 1],
      ['risk', 12],
      ['protective', 12],
    ]);
  });
});

describe('scoreAssessment', () => {
  it('refuses to score with a scored item unanswered or an answer outside the options', () => {
    const { '3': _, ...missing } = inOrder([1, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(() => scoreAssessment(PHQ9, missing)).toThrow(RangeError);
    expect(() => scoreAssessment(PHQ9, inOrder([1, 1, 1, 1, 1, 1, 1, 1, 4]))).toThrow(RangeError);
  });
});

describe('changeSince', () => {
  it('reads a fall as better on a symptom scale and a rise as better on BARC-10', () => {
    expect(changeSince(18, 7, false)).toEqual({ change: -11, direction: 'better' });
    expect(changeSince(7, 18, false)).toEqual({ change: 11, direction: 'worse' });
    expect(changeSince(38, 49, true)).toEqual({ change: 11, direction: 'better' });
    expect(changeSince(49, 38, true)).toEqual({ change: -11, direction: 'worse' });
    expect(changeSince(12, 12, true)).toEqual({ change: 0, direction: 'same' });
  });

  it('has no change without both scores', () => {
    expect(changeSince(null, 7, false)).toEqual({ change: null, direction: null });
    expect(changeSince(7, null, false)).toEqual({ change: null, direction: null });
  });
});

describe('answerProblems', () => {
  const phq = (overrides: Record<string, unknown>) => ({
    ...inOrder([0, 0, 0, 0, 0, 0, 0, 0, 0]),
    ...overrides,
  });
  const bam = (overrides: Record<string, unknown>) => ({
    ...Object.fromEntries(
      BAM.items.filter((i) => i.required).map((i) => [i.id, 0] as [string, number]),
    ),
    ...overrides,
  });

  it('finds nothing wrong with a complete set of answers', () => {
    expect(answerProblems(PHQ9, phq({}))).toEqual({});
    expect(answerProblems(BAM, bam({}))).toEqual({});
  });

  it('asks for a missing or blank required item', () => {
    const { '3': _, ...missing } = phq({});
    expect(answerProblems(PHQ9, missing)).toEqual({ '3': 'Answer item 3.' });
    expect(answerProblems(PHQ9, phq({ '5': '' }))).toEqual({ '5': 'Answer item 5.' });
    expect(answerProblems(PHQ9, phq({ '5': null }))).toEqual({ '5': 'Answer item 5.' });
  });

  it('refuses an answer outside the options', () => {
    expect(answerProblems(PHQ9, phq({ '4': 4 }))).toEqual({
      '4': "Item 4's answer must be one of its options.",
    });
    expect(answerProblems(BAM, bam({ '14': 4 }))).toEqual({
      '14': "Item 14's answer must be one of its options.",
    });
  });

  it('refuses day counts over 30, below 0 or not whole', () => {
    const message = 'Days must be a whole number from 0 to 30.';
    expect(answerProblems(BAM, bam({ '2': 31 }))).toEqual({ '2': message });
    expect(answerProblems(BAM, bam({ '2': 2.5 }))).toEqual({ '2': message });
    expect(answerProblems(BAM, bam({ '2': -1 }))).toEqual({ '2': message });
    expect(answerProblems(BAM, bam({ '7c': 31 }))).toEqual({ '7c': message });
  });

  it('refuses a string that is not a number, but takes a numeral from a form', () => {
    expect(answerProblems(PHQ9, phq({ '2': 'often' }))).toEqual({
      '2': "Item 2's answer must be one of its options.",
    });
    expect(answerProblems(BAM, bam({ '4': 'three' }))).toEqual({
      '4': 'Days must be a whole number from 0 to 30.',
    });
    expect(answerProblems(PHQ9, phq({ '2': '2' }))).toEqual({});
  });

  it('leaves the optional BAM item 7 sub-items unanswered without complaint', () => {
    expect(answerProblems(BAM, bam({ '7a': undefined }))).toEqual({});
  });

  it('names answers to items the instrument does not have', () => {
    expect(answerProblems(PHQ9, phq({ '12': 1 }))).toEqual({
      [UNKNOWN_ITEMS]: 'This instrument has no item 12.',
    });
    expect(answerProblems(GAD7, { ...inOrder([0, 0, 0, 0, 0, 0, 0]), '8': 0, '9': 1 })).toEqual({
      [UNKNOWN_ITEMS]: 'This instrument has no items 8 and 9.',
    });
  });
});

describe('normaliseAnswers', () => {
  it('keeps only known items, as numbers', () => {
    const answers = { '1': '2', '2': 1, '3': '', '4': null, '12': 3 };
    expect(normaliseAnswers(AUDITC, answers)).toEqual({ '1': 2, '2': 1 });
  });
});

describe('wording overrides', () => {
  it("applies new labels to BARC-10's disputed options and leaves the scores alone", () => {
    const overrides = { options: { '1': { '3': 'Slightly disagree', '4': ' Slightly agree ' } } };
    expect(wordingProblems(BARC10, overrides)).toEqual([]);
    const def = withWording(BARC10, overrides);
    const response = item(def, '1').response;
    expect(response.kind === 'choice' && response.options.map((o) => o.label)).toEqual([
      'Strongly disagree',
      'Disagree',
      'Slightly disagree',
      'Slightly agree',
      'Agree',
      'Strongly agree',
    ]);
    expect(item(def, '2')).toEqual(item(BARC10, '2'));
    expect(scoreAssessment(def, inOrder(Array(10).fill(4))).total).toBe(40);
    // The library's own definition is not changed.
    expect(item(BARC10, '1')).toEqual(item(withWording(BARC10, {}), '1'));
  });

  it('applies new text to an item marked wordingToCheck', () => {
    const marked: InstrumentDefinition = {
      ...GAD7,
      items: GAD7.items.map((i) => (i.id === '4' ? { ...i, wordingToCheck: true } : i)),
    };
    const overrides = { items: { '4': 'Trouble relaxing at all' } };
    expect(wordingProblems(marked, overrides)).toEqual([]);
    expect(item(withWording(marked, overrides), '4').text).toBe('Trouble relaxing at all');
  });

  it('refuses and ignores everything else', () => {
    const overrides = {
      items: { '3': 'New text', '12': 'No such item' },
      options: { '1': { '1': 'Not really' } },
    };
    expect(wordingProblems(PHQ9, overrides)).toEqual([
      "Item 3's wording is not open to change.",
      'This instrument has no item 12.',
      "Item 1's answer labels are not open to change.",
    ]);
    expect(withWording(PHQ9, overrides)).toEqual(PHQ9);
  });

  it('refuses empty labels, overlong labels and values an item does not have', () => {
    const overrides = { options: { '2': { '3': '  ', '4': 'x'.repeat(501), '7': 'Seven' } } };
    expect(wordingProblems(BARC10, overrides)).toEqual([
      'The label of answer 3 to item 2 cannot be empty.',
      'The label of answer 4 to item 2 is longer than 500 characters.',
      'Item 2 has no answer with value 7.',
    ]);
    expect(withWording(BARC10, overrides)).toEqual(BARC10);
  });

  it('refuses empty and overlong item text', () => {
    const marked: InstrumentDefinition = {
      ...GAD7,
      items: GAD7.items.map((i) => ({ ...i, wordingToCheck: true })),
    };
    const overrides = { items: { '1': '', '2': 'y'.repeat(501) } };
    expect(wordingProblems(marked, overrides)).toEqual([
      "Item 1's wording cannot be empty.",
      "Item 2's wording is longer than 500 characters.",
    ]);
    expect(withWording(marked, overrides)).toEqual(marked);
  });
});
