import { describe, expect, it } from 'vitest';
import { attendanceProblems, attended } from './attendance';

describe('attended', () => {
  it('counts present, late and left early; not absences', () => {
    expect(attended('present')).toBe(true);
    expect(attended('late')).toBe(true);
    expect(attended('left_early')).toBe(true);
    expect(attended('absent_excused')).toBe(false);
    expect(attended('absent_unexcused')).toBe(false);
  });
});

describe('attendanceProblems', () => {
  it('accepts a full, sound entry', () => {
    expect(
      attendanceProblems(
        { status: 'late', lateMinutes: 10, participation: 'listened', engagementRating: 4 },
        60,
      ),
    ).toEqual({});
    expect(attendanceProblems({ status: 'present' }, 60)).toEqual({});
  });

  it('wants late minutes, below the session length', () => {
    expect(attendanceProblems({ status: 'late' }, 60)).toEqual({
      lateMinutes: 'Say how many minutes late.',
    });
    expect(attendanceProblems({ status: 'late', lateMinutes: 75 }, 60)).toEqual({
      lateMinutes: 'Minutes late must be less than the session’s 60 minutes.',
    });
    expect(attendanceProblems({ status: 'left_early', leftEarlyMinutes: 0 }, 60)).toEqual({
      leftEarlyMinutes: 'Minutes before the end must be a whole number from 1.',
    });
  });

  it('wants a reason for an excused absence', () => {
    expect(attendanceProblems({ status: 'absent_excused', excuseReason: '  ' }, 60)).toEqual({
      excuseReason: 'Give the reason the absence is excused.',
    });
  });

  it('refuses a rating outside 1–5 and ratings or sharing for someone absent', () => {
    expect(attendanceProblems({ status: 'present', engagementRating: 6 }, 60)).toEqual({
      engagementRating: 'Engagement is rated from 1 to 5.',
    });
    expect(
      attendanceProblems(
        { status: 'absent_unexcused', participation: 'shared', engagementRating: 3 },
        60,
      ),
    ).toEqual({
      participation: 'Someone who was absent cannot have shared or listened.',
      engagementRating: 'Someone who was absent cannot be rated.',
    });
  });
});
