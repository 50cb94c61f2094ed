import { addDays, consentState, dateInTimeZone } from '@homegroup/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../testing';
import { seedDemo } from './demo';

const today = '2026-11-21';
let t: TestDb;
let result: Awaited<ReturnType<typeof seedDemo>>;
beforeAll(async () => {
  t = await createTestDb();
  result = await seedDemo(t.db, { hashPassword: async (p) => `x:${p}`, today });
});
afterAll(async () => {
  await t.close();
});

describe('demo alumni seed', () => {
  it('builds an invented meeting directory with unplaced and retired meetings', async () => {
    const meetings = await t.db
      .selectFrom('meetings')
      .select(['searchText', 'latitude', 'attendanceMode', 'retiredAt', 'conferenceUrl', 'url'])
      .execute();
    expect(result.meetings).toBe(meetings.length);
    const active = meetings.filter((m) => m.retiredAt === null);
    expect(active.length).toBeGreaterThanOrEqual(200);
    const unplaced = active.filter((m) => m.latitude === null && m.attendanceMode !== 'online');
    expect(unplaced.length).toBeGreaterThanOrEqual(5);
    expect(meetings.length - active.length).toBe(3);
    // Nothing taken from the sample feeds, and links only to example domains.
    for (const place of ['rehoboth', 'edmonton', 'kansas city', 'sussex', 'delaware']) {
      expect(meetings.filter((m) => m.searchText.includes(place))).toEqual([]);
    }
    for (const link of meetings.flatMap((m) => [m.conferenceUrl, m.url])) {
      if (link) expect(new URL(link).hostname).toMatch(/(^|\.)example\.(org|com)$/);
    }
    const modes = new Set(meetings.map((m) => m.attendanceMode));
    expect([...modes].sort()).toEqual(['hybrid', 'in_person', 'online']);
  });

  it('has referrals in every status, each with the history that led there', async () => {
    const referrals = await t.db
      .selectFrom('referrals as r')
      .innerJoin('clients as c', 'c.id', 'r.clientId')
      .leftJoin('meetings as m', 'm.id', 'r.meetingId')
      .select(['r.id', 'r.status', 'r.statusOn', 'r.firstAttendedOn', 'r.version'])
      .select(['c.status as clientStatus', 'c.dischargeDate', 'c.admissionDate', 'm.retiredAt'])
      .execute();
    const events = await t.db
      .selectFrom('referralEvents')
      .select(['referralId', 'status', 'occurredOn'])
      .orderBy('id')
      .execute();
    expect(referrals.length).toBe(result.referrals);
    expect(new Set(referrals.map((r) => r.status)).size).toBe(6);
    for (const r of referrals) {
      const history = events.filter((e) => e.referralId === r.id);
      expect(history[0]?.status).toBe('suggested');
      expect(history.at(-1)).toMatchObject({ status: r.status, occurredOn: r.statusOn });
      expect(r.version).toBe(history.length);
      const dates = history.map((e) => e.occurredOn);
      expect(dates).toEqual([...dates].sort());
      expect(r.statusOn <= today).toBe(true);
      expect((dates[0] as string) >= (r.dischargeDate ?? r.admissionDate)).toBe(true);
      expect(r.retiredAt).toBeNull();
      if (r.status === 'first_attended' || r.status === 'attending') {
        expect(r.firstAttendedOn).not.toBeNull();
      }
      if (r.status === 'attending') {
        expect(r.statusOn >= addDays(r.firstAttendedOn as string, 30)).toBe(true);
      }
      if (r.clientStatus === 'in_treatment') expect(r.status).toBe('suggested');
    }
  });

  it('discloses only while a consent is in force, and keeps expired and revoked ones', async () => {
    const consents = await t.db.selectFrom('consents').selectAll().execute();
    expect(consents.length).toBe(result.consents);
    const states = consents.map((c) => consentState(c, today));
    expect(states.filter((s) => s === 'revoked')).toHaveLength(2);
    expect(states.filter((s) => s === 'expired')).toHaveLength(3);
    expect(states.filter((s) => s === 'active').length).toBeGreaterThanOrEqual(8);
    const disclosures = await t.db.selectFrom('disclosures').selectAll().execute();
    expect(disclosures.length).toBe(result.disclosures);
    expect(disclosures.length).toBeGreaterThanOrEqual(6);
    for (const d of disclosures) {
      const consent = consents.find((c) => c.id === d.consentId);
      expect(consent?.clientId).toBe(d.clientId);
      expect(d.disclosedOn >= (consent?.signedOn as string)).toBe(true);
      expect(d.disclosedOn <= (consent?.expiresOn ?? today)).toBe(true);
      expect(d.disclosedOn < (consent?.revokedOn ?? '9999-12-31')).toBe(true);
      expect(d.disclosedOn <= today).toBe(true);
    }
  });

  it('owes follow-up calls only to alumni who opted in, with a queue to work at Cedar Hollow', async () => {
    const tasks = await t.db
      .selectFrom('followUpTasks as t')
      .innerJoin('clients as c', 'c.id', 't.clientId')
      .select(['t.id', 't.facilityId', 't.dueOn', 't.status', 'c.alumniFollowUp'])
      .execute();
    expect(tasks.length).toBe(result.followUps);
    expect(tasks.filter((k) => k.alumniFollowUp !== 'opted_in')).toEqual([]);
    const open = tasks.filter(
      (k) => k.status === 'open' && k.facilityId === result.facilityIds.cedar,
    );
    const week = addDays(today, -6);
    expect(open.filter((k) => k.dueOn < week).length).toBeGreaterThan(0);
    expect(open.filter((k) => k.dueOn >= week && k.dueOn <= today).length).toBeGreaterThan(0);
    const upcoming = open.filter((k) => k.dueOn > today && k.dueOn <= addDays(today, 14));
    expect(upcoming.length).toBeGreaterThan(0);

    const attempts = await t.db
      .selectFrom('followUpAttempts as a')
      .innerJoin('clients as c', 'c.id', 'a.clientId')
      .innerJoin('facilities as f', 'f.id', 'a.facilityId')
      .select(['a.taskId', 'a.outcome', 'a.attemptedAt', 'c.dischargeDate', 'f.timeZone'])
      .select(['a.communityMeetings', 'a.hasSponsor', 'a.abstinent', 'a.housing', 'a.workOrSchool'])
      .execute();
    for (const a of attempts) {
      const on = dateInTimeZone(a.attemptedAt, a.timeZone);
      expect(on >= (a.dischargeDate as string) && on <= today).toBe(true);
    }
    for (const task of tasks.filter((k) => k.status === 'done')) {
      const reached = attempts.find((a) => a.taskId === task.id && a.outcome === 'reached');
      expect(reached).toBeDefined();
      for (const answer of ['communityMeetings', 'hasSponsor', 'abstinent', 'housing'] as const) {
        expect(reached?.[answer]).not.toBeNull();
      }
      expect(reached?.workOrSchool).not.toBeNull();
    }
    expect(attempts.some((a) => a.outcome === 'declined')).toBe(true);
    expect(attempts.some((a) => a.outcome === 'no_answer')).toBe(true);
  });
});
