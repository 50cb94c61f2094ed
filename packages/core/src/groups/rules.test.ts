import { describe, expect, it } from 'vitest';
import { rosterName } from './display-name';
import { ageOn, enrolledOn, peakEnrolment, periodsOverlap } from './enrolment';
import { defaultsForKind, isFamilySystemGroup } from './group-kinds';
import { formatConflict, formatName, isGroupFormatCode } from './meeting-formats';
import { canMove, isLocked, isOverdue, sessionNeeds } from './session-state';

describe('enrolment periods', () => {
  it('overlap when they share a day, open-ended ones included', () => {
    expect(
      periodsOverlap(
        { startDate: '2026-01-01', endDate: '2026-01-31' },
        { startDate: '2026-01-31', endDate: null },
      ),
    ).toBe(true);
    expect(
      periodsOverlap(
        { startDate: '2026-01-01', endDate: '2026-01-30' },
        { startDate: '2026-01-31', endDate: null },
      ),
    ).toBe(false);
    expect(
      periodsOverlap(
        { startDate: '2026-03-01', endDate: null },
        { startDate: '2026-01-01', endDate: null },
      ),
    ).toBe(true);
  });

  it('count who is enrolled on a day and the peak a newcomer would make', () => {
    const roster = [
      { startDate: '2026-01-01', endDate: '2026-01-10' },
      { startDate: '2026-01-05', endDate: null },
      { startDate: '2026-01-20', endDate: null },
    ];
    expect(enrolledOn(roster, '2026-01-06')).toBe(2);
    expect(enrolledOn(roster, '2026-01-15')).toBe(1);
    expect(peakEnrolment(roster, { startDate: '2026-01-12', endDate: null })).toBe(3);
    expect(peakEnrolment(roster, { startDate: '2026-01-12', endDate: '2026-01-15' })).toBe(2);
  });

  it('knows age in whole years', () => {
    expect(ageOn('2008-11-22', '2026-11-21')).toBe(17);
    expect(ageOn('2008-11-21', '2026-11-21')).toBe(18);
  });
});

describe('group kinds and formats', () => {
  it('makes family-system groups adults-only with family attendees', () => {
    expect(isFamilySystemGroup('spousal')).toBe(true);
    expect(defaultsForKind('grief')).toEqual({ audiences: ['family'], minAge: 18 });
    expect(defaultsForKind('na')).toEqual({ audiences: ['clients'], minAge: null });
    expect(defaultsForKind('alumni')).toEqual({ audiences: ['alumni'], minAge: null });
  });

  it('names Meeting Guide format codes in English and Spanish', () => {
    expect(formatName('ST')).toBe('Step Study');
    expect(formatName('B', 'es')).toBe('Libro Grande');
    expect(isGroupFormatCode('12x12')).toBe(true);
    expect(isGroupFormatCode('ZZ')).toBe(false);
  });

  it('refuses open and closed together', () => {
    expect(formatConflict(['O', 'D'])).toBeNull();
    expect(formatConflict(['O', 'C'])).toBe('A meeting is either open or closed, not both.');
  });
});

describe('session states', () => {
  it('move forward only, and lock once signed or cancelled', () => {
    expect(canMove('scheduled', 'completed')).toBe(true);
    expect(canMove('completed', 'signed')).toBe(true);
    expect(canMove('signed', 'completed')).toBe(false);
    expect(canMove('cancelled', 'scheduled')).toBe(false);
    expect(isLocked('signed')).toBe(true);
    expect(isLocked('completed')).toBe(false);
  });

  it('say what a session still needs and when it is overdue', () => {
    expect(sessionNeeds('scheduled')).toEqual({ attendance: true, signature: true });
    expect(sessionNeeds('completed')).toEqual({ attendance: false, signature: true });
    expect(sessionNeeds('signed')).toEqual({ attendance: false, signature: false });
    const endsAt = new Date('2026-11-20T19:00:00Z');
    expect(isOverdue('completed', endsAt, new Date('2026-11-21T19:00:01Z'), 24)).toBe(true);
    expect(isOverdue('completed', endsAt, new Date('2026-11-21T18:59:00Z'), 24)).toBe(false);
    expect(isOverdue('signed', endsAt, new Date('2026-11-25T00:00:00Z'), 24)).toBe(false);
    expect(isOverdue('cancelled', endsAt, new Date('2026-11-25T00:00:00Z'), 24)).toBe(false);
  });
});

describe('rosterName', () => {
  it('shows the preferred name and the last initial only', () => {
    expect(rosterName({ firstName: 'Alexander', lastName: 'quillby', preferredName: 'Lex' })).toBe(
      'Lex Q.',
    );
    expect(rosterName({ firstName: 'Sam', lastName: 'Dewdrop', preferredName: ' ' })).toBe(
      'Sam D.',
    );
  });
});
