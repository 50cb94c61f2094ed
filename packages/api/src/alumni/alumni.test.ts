import { PART2_NOTICE } from '@homegroup/core';
import type { NewMeeting } from '@homegroup/db';
import { createTestDb, type TestDb } from '@homegroup/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContextInner } from '../context';
import {
  createTestWorld,
  expectFieldError,
  insertTestMeeting,
  MemoryCookie,
  signedIn,
  TestClock,
  testSettings,
} from '../testing';
import { disclosureLogDownload } from './disclosure-log';

let t: TestDb;
let world: Awaited<ReturnType<typeof createTestWorld>>;
// Saturday 21 November 2026, 10:00 in Denver.
const clock = new TestClock(new Date('2026-11-21T17:00:00Z'));
type Caller = Awaited<ReturnType<typeof signedIn>>['caller'];
let coordinator: Caller;
let counselor: Caller;
let alumnus: string;
let meetings: { womenTuesday: string; plainTuesday: string; farAway: string; retired: string };

const record = (recordNumber: string, firstName: string) => ({
  recordNumber,
  firstName,
  lastName: 'Alumna',
  preferredName: null,
  pronouns: 'she/her',
  dateOfBirth: '1988-02-02',
  primarySubstances: ['alcohol' as const],
  levelOfCare: '3.5' as const,
  programTrack: null,
  admissionDate: '2026-09-01',
  counselorStaffId: world.users.counselor.id,
  sobrietyDate: '2026-08-30',
  preferredFellowship: 'aa' as const,
  supportPerson: null,
  supportSince: null,
});

async function admitAndDischarge(
  recordNumber: string,
  dischargeDate: string,
  choice: 'opted_in' | 'opted_out',
) {
  const { clientId } = await counselor.clients.admit(record(recordNumber, recordNumber));
  await counselor.clients.discharge({
    clientId,
    version: 1,
    dischargeDate,
    dischargeType: 'completed',
    alumniFollowUp: choice,
  });
  return clientId;
}

async function meeting(name: string, extra: Partial<NewMeeting> = {}) {
  const source = await t.db
    .selectFrom('meetingSources')
    .select('id')
    .where('name', '=', 'Test feed')
    .executeTakeFirstOrThrow();
  return insertTestMeeting(
    t.db,
    { organizationId: world.organizationId, sourceId: source.id },
    name,
    extra,
  );
}

beforeAll(async () => {
  t = await createTestDb();
  world = await createTestWorld(t.db);
  ({ caller: counselor } = await signedIn(t.db, 'counselor@a.test', clock));
  ({ caller: coordinator } = await signedIn(t.db, 'coordinator@a.test', clock));
  await t.db
    .insertInto('meetingSources')
    .values({
      organizationId: world.organizationId,
      name: 'Test feed',
      kind: 'upload',
      url: null,
      fellowship: 'aa',
      defaultTimeZone: 'America/Denver',
      lastImportedAt: null,
      createdBy: world.users.admin.id,
    })
    .execute();
  meetings = {
    womenTuesday: await meeting('Tuesday Women', { types: ['O', 'W'] }),
    plainTuesday: await meeting('Tuesday Night Discussion'),
    farAway: await meeting('Far Away Group', { latitude: 40.6, longitude: -105.1 }),
    retired: await meeting('Closed Down Group', { retiredAt: new Date('2026-11-01T00:00:00Z') }),
  };
  alumnus = await admitAndDischarge('AL-1', '2026-11-10', 'opted_in');
});

afterAll(async () => {
  await t?.close();
});

describe('follow-up calls', () => {
  it('are scheduled at discharge at 7, 30, 60 and 90 days', async () => {
    const page = await coordinator.alumni.page({ clientId: alumnus });
    expect(page.followUps.map((f) => [f.daysAfterDischarge, f.dueOn, f.status])).toEqual([
      [7, '2026-11-17', 'open'],
      [30, '2026-12-10', 'open'],
      [60, '2027-01-09', 'open'],
      [90, '2027-02-08', 'open'],
    ]);
    expect(page.followUps[0]?.urgency).toBe('due');
  });

  it('follow the facility setting for later discharges, and none for an opt-out', async () => {
    const { caller: admin } = await signedIn(t.db, 'admin@a.test', clock);
    await expectFieldError(
      admin.facility.updateFollowUpDays({ days: [7, 7] }),
      'days',
      'Each follow-up day can appear only once.',
    );
    await expect(coordinator.facility.updateFollowUpDays({ days: [3, 14] })).rejects.toThrow(
      'Your role does not give access to this.',
    );
    await admin.facility.updateFollowUpDays({ days: [14, 3] });
    const next = await admitAndDischarge('AL-2', '2026-11-20', 'opted_in');
    const page = await coordinator.alumni.page({ clientId: next });
    expect(page.followUps.map((f) => f.dueOn)).toEqual(['2026-11-23', '2026-12-04']);
    await admin.facility.updateFollowUpDays({ days: [7, 30, 60, 90] });
    const out = await admitAndDischarge('AL-3', '2026-11-20', 'opted_out');
    expect((await coordinator.alumni.page({ clientId: out })).followUps).toEqual([]);
  });

  it('show in the queue as due and overdue, and a call is recorded with its answers', async () => {
    clock.current = new Date('2026-11-25T17:00:00Z');
    ({ caller: coordinator } = await signedIn(t.db, 'coordinator@a.test', clock));
    const queue = await coordinator.alumni.followUpQueue({ show: 'due' });
    const mine = queue.rows.find((r) => r.clientId === alumnus);
    expect(mine).toMatchObject({ daysAfterDischarge: 7, dueOn: '2026-11-17', urgency: 'overdue' });
    expect(queue.counts.overdue).toBeGreaterThanOrEqual(1);
    const taskId = mine?.id ?? '';
    await coordinator.alumni.recordFollowUp({
      taskId,
      outcome: 'no_answer',
      attemptedOn: '2026-11-24',
    });
    await expectFieldError(
      coordinator.alumni.recordFollowUp({
        taskId,
        outcome: 'reached',
        attemptedOn: '2026-11-25',
        communityMeetings: 6,
      }),
      'hasSponsor',
      'Ask whether they have a sponsor.',
    );
    await expectFieldError(
      coordinator.alumni.recordFollowUp({
        taskId,
        outcome: 'no_answer',
        attemptedOn: '2026-11-26',
      }),
      'attemptedOn',
      'The call cannot be in the future.',
    );
    const done = await coordinator.alumni.recordFollowUp({
      taskId,
      outcome: 'reached',
      attemptedOn: '2026-11-25',
      communityMeetings: 6,
      hasSponsor: true,
      abstinent: 'yes',
      housing: 'sober_living',
      workOrSchool: 'looking',
    });
    expect(done.taskStatus).toBe('done');
    await expect(
      coordinator.alumni.recordFollowUp({
        taskId,
        outcome: 'no_answer',
        attemptedOn: '2026-11-25',
      }),
    ).rejects.toThrow(/already closed/);
    const page = await coordinator.alumni.page({ clientId: alumnus });
    expect(page.followUps[0]?.attempts.map((a) => a.outcome)).toEqual(['no_answer', 'reached']);
    expect(page.followUps[0]?.attempts[1]).toMatchObject({
      communityMeetings: 6,
      hasSponsor: true,
      abstinent: 'yes',
    });
  });

  it('stop at once when the alumnus opts out, and nothing can be recorded for them', async () => {
    const page = await coordinator.alumni.page({ clientId: alumnus });
    const open = page.followUps.find((f) => f.status === 'open');
    const result = await coordinator.alumni.setFollowUpChoice({
      clientId: alumnus,
      choice: 'opted_out',
      phone: null,
    });
    expect(result.cancelled).toBe(3);
    await expect(
      coordinator.alumni.recordFollowUp({
        taskId: open?.id ?? '',
        outcome: 'no_answer',
        attemptedOn: '2026-11-25',
      }),
    ).rejects.toThrow(
      'This alumnus opted out of follow-up. Homegroup will not schedule or record calls to them.',
    );
    const queue = await coordinator.alumni.followUpQueue({ show: 'all_open' });
    expect(queue.rows.some((r) => r.clientId === alumnus)).toBe(false);
    const back = await coordinator.alumni.setFollowUpChoice({
      clientId: alumnus,
      choice: 'opted_in',
      phone: '555-0100',
    });
    expect(back.scheduled).toBe(3);
  });
});

describe('referrals', () => {
  it('matches meetings to preferences, with reasons, and leaves out the far and the retired', async () => {
    await coordinator.alumni.savePreferences({
      clientId: alumnus,
      fellowships: ['aa'],
      days: [2],
      timesOfDay: ['evening'],
      communities: ['W'],
      homeLabel: 'Denver',
      homeLatitude: 39.74,
      homeLongitude: -104.98,
      maxDistanceMiles: 10,
    });
    const { matches } = await coordinator.alumni.matches({ clientId: alumnus });
    expect(matches.map((m) => m.meeting.id)).toEqual([
      meetings.womenTuesday,
      meetings.plainTuesday,
    ]);
    expect(matches[0]?.reasons).toContain("Women's meeting");
    await expectFieldError(
      coordinator.alumni.savePreferences({ clientId: alumnus, maxDistanceMiles: 5 }),
      'maxDistanceMiles',
      'Choose a home place before limiting the distance.',
    );
  });

  it('moves through suggested, accepted, first meeting and attending, each dated and signed', async () => {
    const { referralIds } = await coordinator.alumni.refer({
      clientId: alumnus,
      meetingIds: [meetings.womenTuesday, meetings.plainTuesday],
      on: '2026-11-20',
    });
    expect(referralIds).toHaveLength(2);
    const id = referralIds[0] ?? '';
    await coordinator.alumni.moveReferral({
      referralId: id,
      version: 1,
      status: 'accepted',
      on: '2026-11-21',
    });
    await expectFieldError(
      coordinator.alumni.moveReferral({
        referralId: id,
        version: 2,
        status: 'attending',
        on: '2026-11-22',
      }),
      'on',
      'A referral that is "accepted" can only become first meeting attended, or declined, or lost contact.',
    );
    await coordinator.alumni.moveReferral({
      referralId: id,
      version: 2,
      status: 'first_attended',
      on: '2026-11-24',
    });
    await expectFieldError(
      coordinator.alumni.moveReferral({
        referralId: id,
        version: 3,
        status: 'attending',
        on: '2026-11-25',
      }),
      'on',
      'Regular attendance is recorded 30 days after the first meeting, from Dec 24, 2026.',
    );
    await expect(
      coordinator.alumni.moveReferral({
        referralId: id,
        version: 1,
        status: 'declined',
        on: '2026-11-25',
      }),
    ).rejects.toThrow(/Someone else updated this referral/);
    const page = await coordinator.alumni.page({ clientId: alumnus });
    const referral = page.referrals.find((r) => r.id === id);
    expect(referral?.status).toBe('first_attended');
    expect(referral?.history.map((h) => [h.status, h.occurredOn, h.recordedBy])).toEqual([
      ['suggested', '2026-11-20', 'coordinator'],
      ['accepted', '2026-11-21', 'coordinator'],
      ['first_attended', '2026-11-24', 'coordinator'],
    ]);
    const other = referralIds[1] ?? '';
    await coordinator.alumni.moveReferral({
      referralId: other,
      version: 1,
      status: 'declined',
      on: '2026-11-22',
    });
    await expectFieldError(
      coordinator.alumni.moveReferral({
        referralId: other,
        version: 2,
        status: 'accepted',
        on: '2026-11-23',
      }),
      'on',
      /This referral is closed \(declined\)/,
    );
  });

  it('refuses a retired meeting, a second open referral, and nothing at all; takes an alternative', async () => {
    await expectFieldError(
      coordinator.alumni.refer({
        clientId: alumnus,
        meetingIds: [meetings.retired],
        on: '2026-11-20',
      }),
      'meetingIds',
      '"Closed Down Group" is no longer listed by its feed (retired), so it cannot be referred to. Choose another meeting.',
    );
    await expectFieldError(
      coordinator.alumni.refer({
        clientId: alumnus,
        meetingIds: [meetings.womenTuesday],
        on: '2026-11-20',
      }),
      'meetingIds',
      'This client already has an open referral to "Tuesday Women".',
    );
    await expectFieldError(
      coordinator.alumni.refer({ clientId: alumnus, on: '2026-11-20' }),
      'meetingIds',
      'Choose at least one meeting, or name an alternative programme.',
    );
    const { referralIds } = await coordinator.alumni.refer({
      clientId: alumnus,
      alternativeName: 'SMART Recovery online',
      alternativeDetails: 'Thursday 6 pm, smartrecovery.org',
      on: '2026-11-21',
    });
    const page = await coordinator.alumni.page({ clientId: alumnus });
    expect(page.referrals.find((r) => r.id === referralIds[0])?.alternative?.name).toBe(
      'SMART Recovery online',
    );
  });
});

describe('Part 2 consent and warm hand-offs', () => {
  const consent = () => ({
    clientId: alumnus,
    discloser: 'A Facility',
    information: 'Name, phone number and that she is looking for a women’s home group',
    recipientKind: 'temporary_sponsor' as const,
    recipientName: 'Robin M., temporary sponsor',
    purpose: 'Introduce her to a temporary sponsor after discharge',
    rightToRevokeExplained: true,
    expiresOn: '2027-05-20',
    signedBy: 'AL-1 Alumna',
    signedOn: '2026-11-20',
  });
  const handOff = (consentId: string) => ({
    clientId: alumnus,
    consentId,
    recipientName: 'Robin M.',
    information: 'Name and phone number',
    purpose: 'Temporary sponsor introduction',
    disclosedOn: '2026-11-24',
  });

  it('needs every element, and an expiry after the signature', async () => {
    await expectFieldError(
      coordinator.alumni.recordConsent({ ...consent(), purpose: ' ' }),
      'purpose',
      'Say what the disclosure is for.',
    );
    await expectFieldError(
      coordinator.alumni.recordConsent({ ...consent(), rightToRevokeExplained: false }),
      'rightToRevokeExplained',
      'The client must be told they can revoke this consent in writing.',
    );
    await expectFieldError(
      coordinator.alumni.recordConsent({ ...consent(), expiresOn: null }),
      'expiresOn',
      'Give an expiry date or the event that ends the consent.',
    );
    await expectFieldError(
      coordinator.alumni.recordConsent({ ...consent(), expiresOn: '2026-11-01' }),
      'expiresOn',
      'The consent cannot expire (Nov 1, 2026) before it was signed (Nov 20, 2026).',
    );
    const count = await t.db
      .selectFrom('consents')
      .select(t.db.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('allows a warm hand-off under an active consent, logged with the Part 2 notice and audited', async () => {
    const { consentId } = await coordinator.alumni.recordConsent(consent());
    const made = await coordinator.alumni.recordDisclosure(handOff(consentId));
    expect(made.notice).toBe(PART2_NOTICE);
    const page = await coordinator.alumni.page({ clientId: alumnus });
    expect(page.consents[0]?.state).toBe('active');
    expect(page.disclosures[0]).toMatchObject({
      recipientName: 'Robin M.',
      notice: PART2_NOTICE,
      consentId,
    });
    const audit = await t.db
      .selectFrom('auditEvents')
      .select(['action', 'clientId'])
      .where('entityType', '=', 'disclosure')
      .execute();
    expect(audit).toEqual([{ action: 'disclose', clientId: alumnus }]);
    const ctx = createContextInner({
      db: t.db,
      settings: testSettings,
      cookie: new MemoryCookie(),
      now: clock.now,
    });
    (ctx.cookie as MemoryCookie).token = (
      await signedIn(t.db, 'coordinator@a.test', clock)
    ).cookie.token;
    const csv = await disclosureLogDownload(ctx, { clientId: alumnus });
    const text = csv.chunks.join('');
    expect(text.split('\r\n')[0]).toContain('"Disclosed to"');
    expect(text).toContain('"Robin M."');
    expect(text).toContain('42 CFR part 2');
  });

  it('blocks a disclosure with no consent, an expired one or a revoked one', async () => {
    await expectFieldError(
      coordinator.alumni.recordDisclosure(handOff('00000000-0000-4000-8000-000000000000')),
      'consentId',
      /A disclosure needs a signed consent naming the recipient/,
    );
    const { consentId: short } = await coordinator.alumni.recordConsent({
      ...consent(),
      expiresOn: '2026-11-22',
    });
    await expectFieldError(
      coordinator.alumni.recordDisclosure(handOff(short)),
      'consentId',
      'This consent expired on Nov 22, 2026. Record a new signed consent before contacting anyone about the client.',
    );
    const { consentId } = await coordinator.alumni.recordConsent(consent());
    await coordinator.alumni.revokeConsent({
      consentId,
      revokedOn: '2026-11-23',
      note: 'Signed revocation form',
    });
    await expectFieldError(
      coordinator.alumni.recordDisclosure(handOff(consentId)),
      'consentId',
      /^The client revoked this consent on Nov 23, 2026\./,
    );
    const disclosures = await t.db.selectFrom('disclosures').select('id').execute();
    expect(disclosures).toHaveLength(1);
  });
});

describe('who may do alumni work', () => {
  it('is the coordinator and the director; counselors and monitors are refused; other facilities are not found', async () => {
    ({ caller: counselor } = await signedIn(t.db, 'counselor@a.test', clock));
    await expect(counselor.alumni.page({ clientId: alumnus })).rejects.toThrow(
      'Your role does not give access to this.',
    );
    const { caller: monitor } = await signedIn(t.db, 'monitor@a.test', clock);
    await expect(monitor.alumni.followUpQueue({})).rejects.toThrow(
      'Your role does not give access to this.',
    );
    await expect(coordinator.alumni.page({ clientId: world.clientB })).rejects.toThrow(
      'No client with that link at this facility.',
    );
    await expect(
      coordinator.alumni.recordConsent({
        clientId: world.clientB,
        discloser: 'B',
        information: 'x',
        recipientKind: 'other',
        recipientName: 'x',
        purpose: 'x',
        rightToRevokeExplained: true,
        expiresOn: '2027-01-01',
        signedBy: 'x',
        signedOn: '2026-11-20',
      }),
    ).rejects.toThrow('No client with that link at this facility.');
    const reads = await t.db
      .selectFrom('auditEvents')
      .select(['outcome'])
      .where('entityType', '=', 'alumnus_page')
      .where('outcome', '=', 'failure')
      .execute();
    expect(reads.length).toBeGreaterThanOrEqual(1);
  });
});
