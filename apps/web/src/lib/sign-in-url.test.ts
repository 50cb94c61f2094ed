import { describe, expect, it } from 'vitest';
import { isSafeNext, signInUrl } from './sign-in-url';

describe('signInUrl', () => {
  it('keeps the page to come back to and the reason', () => {
    expect(signInUrl('idle_timeout', '/clients?page=2')).toBe(
      '/login?reason=idle_timeout&next=%2Fclients%3Fpage%3D2',
    );
    expect(signInUrl('no_session', '/')).toBe('/login');
    expect(signInUrl('signed_out')).toBe('/login?reason=signed_out');
  });

  it('never sends anyone to another site after sign-in', () => {
    expect(isSafeNext('//evil.example/x')).toBe(false);
    expect(isSafeNext('https://evil.example')).toBe(false);
    expect(isSafeNext('/\\evil.example')).toBe(false);
    expect(isSafeNext('/groups')).toBe(true);
    expect(signInUrl('idle_timeout', '//evil.example')).toBe('/login?reason=idle_timeout');
  });
});
