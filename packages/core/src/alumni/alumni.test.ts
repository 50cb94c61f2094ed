import { describe, expect, it } from 'vitest';
import { type ConsentElements, consentProblems, consentState, disclosureRefusal } from './consent';
import { boundingBox, distanceMiles, formatMiles, parsePoint } from './distance';
import { followUpDaysProblem, followUpSchedule, followUpUrgency } from './follow-up';
import { type MatchCandidate, type MatchPreferences, matchMeetings } from './matching';
import { nextReferralStatuses, referralMoveProblem } from './referral-status';
import { timeOfDay } from './vocabulary';

const consent: ConsentElements = {
  discloser: 'Harbor Light Recovery Center',
  information: 'Name, discharge date and that the client is looking for a home group',
  recipientKind: 'temporary_sponsor',
  recipientName: 'Dana R., temporary sponsor',
  purpose: 'Warm hand-off to a community meeting',
  rightToRevokeExplained: true,
  expiresOn: '2027-05-01',
  expiryEvent: null,
  signedBy: 'Jordan Example',
  signedOn: '2026-11-01',
};

describe('consent elements (42 CFR 2.31)', () => {
  it('accepts a consent with every element', () => {
    expect(consentProblems(consent, '2026-11-10')).toEqual({});
  });

  it('names each missing element', () => {
    const problems = consentProblems(
      {
        ...consent,
        discloser: ' ',
        information: '',
        recipientName: '',
        purpose: '',
        rightToRevokeExplained: false,
        expiresOn: null,
        expiryEvent: '  ',
        signedBy: '',
      },
      '2026-11-10',
    );
    expect(Object.keys(problems).sort()).toEqual(
      [
        'discloser',
        'expiresOn',
        'information',
        'purpose',
        'recipientName',
        'rightToRevokeExplained',
        'signedBy',
      ].sort(),
    );
    expect(problems.expiresOn).toBe('Give an expiry date or the event that ends the consent.');
  });

  it('accepts an expiry event instead of a date', () => {
    expect(
      consentProblems(
        { ...consent, expiresOn: null, expiryEvent: 'One year after discharge' },
        '2026-11-10',
      ),
    ).toEqual({});
  });

  it('refuses an expiry before the signature, and a signature in the future', () => {
    expect(consentProblems({ ...consent, expiresOn: '2026-10-01' }, '2026-11-10').expiresOn).toBe(
      'The consent cannot expire (Oct 1, 2026) before it was signed (Nov 1, 2026).',
    );
    expect(consentProblems(consent, '2026-10-20').signedOn).toBe(
      'The signature date cannot be in the future.',
    );
  });

  it('is active from signature to expiry, inclusive, and ends when revoked', () => {
    const facts = { signedOn: '2026-11-01', expiresOn: '2026-12-01', revokedOn: null };
    expect(consentState(facts, '2026-10-31')).toBe('not_yet_signed');
    expect(consentState(facts, '2026-11-01')).toBe('active');
    expect(consentState(facts, '2026-12-01')).toBe('active');
    expect(consentState(facts, '2026-12-02')).toBe('expired');
    expect(consentState({ ...facts, revokedOn: '2026-11-15' }, '2026-11-14')).toBe('active');
    expect(consentState({ ...facts, revokedOn: '2026-11-15' }, '2026-11-15')).toBe('revoked');
  });

  it('says plainly why a disclosure is blocked', () => {
    const facts = { signedOn: '2026-11-01', expiresOn: '2026-12-01', revokedOn: null };
    expect(disclosureRefusal(facts, '2026-11-20')).toBeNull();
    expect(disclosureRefusal(facts, '2026-12-05')).toMatch(
      /^This consent expired on Dec 1, 2026\./,
    );
    expect(disclosureRefusal({ ...facts, revokedOn: '2026-11-10' }, '2026-11-20')).toMatch(
      /^The client revoked this consent on Nov 10, 2026\./,
    );
  });
});

describe('referral statuses', () => {
  const move = {
    fromDate: '2026-11-01',
    firstAttendedOn: null,
    on: '2026-11-05',
    today: '2026-11-20',
  };

  it('moves forward one step at a time, or ends', () => {
    expect(nextReferralStatuses('suggested')).toEqual(['accepted', 'declined', 'lost_contact']);
    expect(referralMoveProblem({ ...move, from: 'suggested', to: 'accepted' })).toBeNull();
    expect(referralMoveProblem({ ...move, from: 'suggested', to: 'attending' })).toBe(
      'A referral that is "suggested" can only become accepted, or declined, or lost contact.',
    );
    expect(referralMoveProblem({ ...move, from: 'declined', to: 'accepted' })).toMatch(
      /is closed \(declined\)/,
    );
  });

  it('refuses dates in the future or before the last change', () => {
    expect(
      referralMoveProblem({ ...move, from: 'accepted', to: 'first_attended', on: '2026-11-21' }),
    ).toBe('The date cannot be in the future.');
    expect(
      referralMoveProblem({ ...move, from: 'accepted', to: 'first_attended', on: '2026-10-31' }),
    ).toBe('The date cannot be before the last change (Nov 1, 2026).');
  });

  it('records regular attendance only 30 days after the first meeting', () => {
    const base = {
      ...move,
      from: 'first_attended' as const,
      to: 'attending' as const,
      firstAttendedOn: '2026-10-01',
      fromDate: '2026-10-01',
      today: '2026-12-31',
    };
    expect(referralMoveProblem({ ...base, on: '2026-10-30' })).toBe(
      'Regular attendance is recorded 30 days after the first meeting, from Oct 31, 2026.',
    );
    expect(referralMoveProblem({ ...base, on: '2026-10-31' })).toBeNull();
  });
});

describe('follow-up schedule', () => {
  it('puts calls at the set days after discharge, earliest first', () => {
    expect(followUpSchedule('2026-11-20', [30, 7, 90, 60])).toEqual([
      { daysAfterDischarge: 7, dueOn: '2026-11-27' },
      { daysAfterDischarge: 30, dueOn: '2026-12-20' },
      { daysAfterDischarge: 60, dueOn: '2027-01-19' },
      { daysAfterDischarge: 90, dueOn: '2027-02-18' },
    ]);
  });

  it('is upcoming a week before, due for a week, then overdue', () => {
    expect(followUpUrgency('2026-11-20', '2026-11-12')).toBe('later');
    expect(followUpUrgency('2026-11-20', '2026-11-13')).toBe('upcoming');
    expect(followUpUrgency('2026-11-20', '2026-11-20')).toBe('due');
    expect(followUpUrgency('2026-11-20', '2026-11-26')).toBe('due');
    expect(followUpUrgency('2026-11-20', '2026-11-27')).toBe('overdue');
  });

  it('refuses schedules that make no sense', () => {
    expect(followUpDaysProblem([7, 30, 60, 90])).toBeNull();
    expect(followUpDaysProblem([])).toBe('Give at least one follow-up day, such as 7.');
    expect(followUpDaysProblem([0])).toMatch(/from 1 to 730/);
    expect(followUpDaysProblem([7, 7])).toBe('Each follow-up day can appear only once.');
    expect(followUpDaysProblem([1.5])).toMatch(/whole numbers/);
  });
});

describe('distance', () => {
  it('measures great-circle miles', () => {
    // Kansas City to St. Louis is about 238 miles as the crow flies.
    const miles = distanceMiles(
      { latitude: 39.0997, longitude: -94.5786 },
      { latitude: 38.627, longitude: -90.1994 },
    );
    expect(miles).toBeGreaterThan(234);
    expect(miles).toBeLessThan(242);
    expect(distanceMiles({ latitude: 10, longitude: 10 }, { latitude: 10, longitude: 10 })).toBe(0);
  });

  it('draws a box that holds the circle', () => {
    const centre = { latitude: 39, longitude: -94.5 };
    const box = boundingBox(centre, 10);
    for (const bearing of [0, 90, 180, 270]) {
      const rad = (bearing * Math.PI) / 180;
      const point = {
        latitude: centre.latitude + Math.cos(rad) * 0.144,
        longitude: centre.longitude + Math.sin(rad) * 0.185,
      };
      expect(distanceMiles(centre, point)).toBeLessThan(10);
      expect(point.latitude).toBeGreaterThanOrEqual(box.minLatitude);
      expect(point.latitude).toBeLessThanOrEqual(box.maxLatitude);
      expect(point.longitude).toBeGreaterThanOrEqual(box.minLongitude);
      expect(point.longitude).toBeLessThanOrEqual(box.maxLongitude);
    }
    expect(boundingBox({ latitude: 90, longitude: 0 }, 10).minLongitude).toBe(-180);
  });

  it('reads typed points and formats miles', () => {
    expect(parsePoint('39.0997, -94.5786')).toEqual({ latitude: 39.0997, longitude: -94.5786 });
    expect(parsePoint('39.0997 -94.5786')).toEqual({ latitude: 39.0997, longitude: -94.5786 });
    expect(parsePoint('95, 10')).toBeNull();
    expect(parsePoint('Main Street')).toBeNull();
    expect(formatMiles(3.24)).toBe('3.2 mi');
    expect(formatMiles(14.6)).toBe('15 mi');
  });
});

describe('matching meetings to an alumnus', () => {
  const home = { latitude: 39.1, longitude: -94.58 };
  const meeting = (
    over: Partial<MatchCandidate> & { id: string },
  ): MatchCandidate & { id: string } => ({
    fellowship: 'aa',
    day: 2,
    startMinute: 19 * 60,
    attendanceMode: 'in_person',
    languages: ['EN'],
    types: ['O', 'D'],
    latitude: 39.11,
    longitude: -94.58,
    ...over,
  });
  const prefs: MatchPreferences = {
    fellowships: ['aa'],
    days: [2, 4],
    timesOfDay: ['evening'],
    attendanceModes: ['in_person', 'online'],
    language: null,
    communities: ['W'],
    home,
    maxDistanceMiles: 10,
  };

  it('ranks by fit and says why', () => {
    const result = matchMeetings(prefs, [
      meeting({ id: 'plain' }),
      meeting({ id: 'women', types: ['O', 'W'] }),
      meeting({ id: 'morning', startMinute: 7 * 60, types: ['W'] }),
    ]);
    expect(result.map((m) => m.meeting.id)).toEqual(['women', 'morning', 'plain']);
    expect(result[0]?.reasons).toEqual([
      'Tuesday, a day that suits',
      'Evening, as preferred',
      "Women's meeting",
      '0.7 mi from home',
    ]);
    expect(result[2]?.misses).toEqual(["Not a women's meeting"]);
  });

  it('excludes the wrong fellowship, language, mode, the opposite sex and meetings too far away', () => {
    const result = matchMeetings(prefs, [
      meeting({ id: 'na', fellowship: 'na' }),
      meeting({ id: 'men', types: ['M'] }),
      meeting({ id: 'far', latitude: 40, longitude: -94.58 }),
      meeting({ id: 'no-position', latitude: null, longitude: null }),
      meeting({ id: 'far-but-online', latitude: 40, attendanceMode: 'hybrid' }),
    ]);
    expect(result.map((m) => m.meeting.id)).toEqual(['far-but-online']);
    expect(matchMeetings({ ...prefs, language: 'S' }, [meeting({ id: 'en' })])).toEqual([]);
    expect(
      matchMeetings({ ...prefs, attendanceModes: ['online'] }, [meeting({ id: 'room' })]),
    ).toEqual([]);
  });

  it('with no preferences offers everything', () => {
    const none: MatchPreferences = {
      fellowships: [],
      days: [],
      timesOfDay: [],
      attendanceModes: [],
      language: null,
      communities: [],
      home: null,
      maxDistanceMiles: null,
    };
    expect(
      matchMeetings(none, [
        meeting({ id: 'a' }),
        meeting({ id: 'b', fellowship: 'na', latitude: null, longitude: null }),
      ]),
    ).toHaveLength(2);
  });

  it('knows the parts of the day', () => {
    expect(timeOfDay(4 * 60 + 59)).toBe('night');
    expect(timeOfDay(5 * 60)).toBe('morning');
    expect(timeOfDay(12 * 60)).toBe('afternoon');
    expect(timeOfDay(17 * 60)).toBe('evening');
    expect(timeOfDay(21 * 60)).toBe('night');
  });
});
