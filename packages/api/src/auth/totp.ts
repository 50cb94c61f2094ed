import { Secret, TOTP } from 'otpauth';
import { renderSVG } from 'uqr';

/** The name authenticator apps show beside the code. */
const ISSUER = 'Homegroup';

function totpFor(secretBase32: string, label: string) {
  // RFC 6238 defaults every authenticator app reads: SHA-1, 6 digits, 30-second steps.
  return new TOTP({ issuer: ISSUER, label, secret: Secret.fromBase32(secretBase32) });
}

/** A new random secret (160 bits, as RFC 4226 recommends), base32 as apps expect. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** What the enrolment screen shows: the link a phone camera reads, as a QR code, and the secret to type. */
export function totpEnrolment(secretBase32: string, email: string) {
  const uri = totpFor(secretBase32, email).toString();
  return { secret: secretBase32, uri, qrSvg: renderSVG(uri, { border: 2 }) };
}

/**
 * The 30-second step of a right code, or null. One step either side is accepted for clock
 * drift; a step at or before `lastStep` is refused, so a code seen over a shoulder cannot be
 * used again.
 */
export function acceptedTotpStep(
  secretBase32: string,
  code: string,
  at: Date,
  lastStep: number | null,
): number | null {
  const totp = totpFor(secretBase32, ISSUER);
  const delta = totp.validate({ token: code, timestamp: at.getTime(), window: 1 });
  if (delta === null) return null;
  const step = totp.counter({ timestamp: at.getTime() }) + delta;
  if (lastStep !== null && step <= lastStep) return null;
  return step;
}

/** A right code at a given time: for tests and the demo only. */
export function totpCodeAt(secretBase32: string, at: Date): string {
  return totpFor(secretBase32, ISSUER).generate({ timestamp: at.getTime() });
}
