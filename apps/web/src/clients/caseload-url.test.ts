import { describe, expect, it } from 'vitest';
import { exportQuery, readCaseloadUrl, writeCaseloadUrl } from './caseload-url';

describe('the caseload address', () => {
  it('defaults a counselor to their own clients and an admin to everyone', () => {
    expect(readCaseloadUrl(new URLSearchParams(), 'counselor').counselor).toBe('mine');
    expect(readCaseloadUrl(new URLSearchParams(), 'admin').counselor).toBe('all');
  });
  it('survives a mangled link by falling back to defaults', () => {
    const view = readCaseloadUrl(
      new URLSearchParams('page=-4&sort=shoe&flag=purple&status=in_treatment&pageSize=9999'),
      'admin',
    );
    expect(view).toMatchObject({ page: 1, sort: 'name', flag: undefined, pageSize: 50 });
  });
  it('writes only what differs from the defaults, and reads it back the same', () => {
    const view = readCaseloadUrl(
      new URLSearchParams('sort=attendanceRate&direction=desc&flag=any&page=2'),
      'counselor',
    );
    const written = writeCaseloadUrl(view, 'counselor');
    expect(written.toString()).toBe('page=2&sort=attendanceRate&direction=desc&flag=any');
    expect(readCaseloadUrl(written, 'counselor')).toEqual(view);
    expect(exportQuery(view)).toBe(
      'sort=attendanceRate&direction=desc&counselor=mine&flag=any&status=in_treatment',
    );
  });
});
