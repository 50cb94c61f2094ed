import { describe, expect, it } from 'vitest';
import { navItemsFor } from './nav-items';

describe('navigation by role', () => {
  it('shows a director all four areas', () => {
    expect(navItemsFor('admin').map((i) => i.label)).toEqual([
      'Today',
      'Groups & attendance',
      'Clients',
      'Alumni & referrals',
      'Community meetings',
      'Outcomes',
      'Staff',
      'Audit',
      'Settings',
    ]);
  });

  it('gives a counselor the community meeting directory but not alumni records', () => {
    expect(navItemsFor('counselor').map((i) => i.label)).toEqual([
      'Today',
      'Groups & attendance',
      'Clients',
      'Community meetings',
      'Outcomes',
    ]);
  });

  it('keeps clinical areas away from a group monitor', () => {
    expect(navItemsFor('group_monitor').map((i) => i.label)).toEqual([
      'Today',
      'Groups & attendance',
      'Emergency access',
    ]);
  });

  it('gives an alumni coordinator the alumni area without in-treatment charts', () => {
    expect(navItemsFor('alumni_coordinator').map((i) => i.label)).toEqual([
      'Today',
      'Alumni & referrals',
      'Community meetings',
      'Emergency access',
    ]);
  });
});
