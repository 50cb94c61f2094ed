import { describe, expect, it } from 'vitest';
import { EMPTY_DRAFT, withStatus } from './entry-draft';

describe('withStatus', () => {
  it('clears sharing and rating when someone is marked absent', () => {
    const draft = { ...EMPTY_DRAFT, participation: 'shared' as const, engagementRating: 4 };
    expect(withStatus(draft, 'absent_unexcused')).toMatchObject({
      status: 'absent_unexcused',
      participation: null,
      engagementRating: null,
    });
    expect(withStatus(draft, 'late')).toMatchObject({
      participation: 'shared',
      engagementRating: 4,
    });
  });
});
