import { PART2_NOTICE } from '@homegroup/core';
import { createTestDb, type TestDb } from '@homegroup/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContextInner } from '../context';
import { AppError } from '../errors';
import { createTestWorld, insertTestMeeting, signedIn, TestClock, testSettings } from '../testing';
import { fhirBundleDownload } from './fhir-download';
import {
  bundleProblems,
  type FhirBundle,
  type FhirResource,
  fhirBundleShape,
  missingSecurityLabels,
  REQUIRED_SECURITY_LABELS,
} from './fhir-shapes';
import { PART2_NOTICE_EXTENSION_URL } from './security-labels';

let t: TestDb;
let world: Awaited<ReturnType<typeof createTestWorld>>;
// Saturday 21 November 2026, 10:00 in Denver.
const clock = new TestClock(new Date('2026-11-21T17:00:00Z'));
type Caller = Awaited<ReturnType<typeof signedIn>>['caller'];
let counselor: Caller;
let coordinator: Caller;
let bundle: FhirBundle;
let fileText: string;
let filename: string;
let contentType: string | undefined;
const ids = {
  phq9: '',
  bam: '',
  auditc: '',
  gad7: '',
  barc10: '',
  meetingReferral: '',
  alternativeReferral: '',
  activeConsent: '',
  expiredConsent: '',
  revokedConsent: '',
  attendedLate: '',
  otherClientAssessment: '',
  otherClientConsent: '',
};

/** A download context signed in as `email`, as the HTTP layer builds it. */
async function downloadContext(email: string) {
  const { cookie } = await signedIn(t.db, email, clock);
  return createContextInner({
    db: t.db,
    settings: testSettings,
    cookie,
    request: { ip: '127.0.0.1', userAgent: 'vitest' },
    now: clock.now,
  });
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

const byType = <T extends FhirResource['resourceType']>(type: T) =>
  bundle.entry
    .map((e) => e.resource)
    .filter((r): r is Extract<FhirResource, { resourceType: T }> => r.resourceType === type);

const count = async (query: Promise<{ n: string | number | bigint }>) => Number((await query).n);

async function addGroupSessions() {
  const group = await t.db
    .insertInto('groups')
    .values([
      {
        facilityId: world.facilityA,
        name: 'Tuesday Step Study',
        kind: 'aa',
        audiences: ['clients'],
        programTrack: null,
        minAge: null,
        participation: 'mandatory',
        enrolment: 'open',
        capacity: null,
        room: null,
        videoUrl: null,
        scheduleDays: [2],
        startTime: '18:00',
        durationMinutes: 90,
        cycleStartDate: null,
        monitorStaffId: world.users.monitor.id,
        coFacilitatorStaffId: null,
        archivedAt: null,
      },
      {
        facilityId: world.facilityB,
        name: 'B Facility Group',
        kind: 'na',
        audiences: ['clients'],
        programTrack: null,
        minAge: null,
        participation: 'mandatory',
        enrolment: 'open',
        capacity: null,
        room: null,
        videoUrl: null,
        scheduleDays: [3],
        startTime: '10:00',
        durationMinutes: 60,
        cycleStartDate: null,
        monitorStaffId: world.users.counselorB.id,
        coFacilitatorStaffId: null,
        archivedAt: null,
      },
    ])
    .returning(['id', 'facilityId'])
    .execute();
  const [groupA, groupB] = group;
  if (!groupA || !groupB) throw new Error('groups not created');
  const session = async (
    groupId: string,
    facilityId: string,
    startsAt: string,
    state: 'completed' | 'cancelled',
  ) =>
    (
      await t.db
        .insertInto('groupSessions')
        .values({
          groupId,
          facilityId,
          startsAt: new Date(startsAt),
          durationMinutes: 90,
          state,
          cancelReason: state === 'cancelled' ? 'Snow day' : null,
          topic: 'Step one',
          stepFocus: 1,
          reading: null,
          sharedNote: 'Shared note that stays out of the export',
          signedAt: null,
          signedBy: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const attend = async (
    sessionId: string,
    facilityId: string,
    clientId: string,
    status: 'present' | 'late' | 'left_early' | 'absent_excused' | 'absent_unexcused',
  ) =>
    (
      await t.db
        .insertInto('attendanceRecords')
        .values({
          sessionId,
          facilityId,
          clientId,
          familyMemberId: null,
          status,
          lateMinutes: status === 'late' ? 10 : null,
          leftEarlyMinutes: status === 'left_early' ? 15 : null,
          excuseReason: status === 'absent_excused' ? 'Medical appointment' : null,
          participation: null,
          engagementRating: null,
          individualNote: 'Individual note that stays out of the export',
          savedInVersion: 1,
          recordedBy: world.users.monitor.id,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const a1 = await session(groupA.id, world.facilityA, '2026-11-03T01:00:00Z', 'completed');
  const a2 = await session(groupA.id, world.facilityA, '2026-11-10T01:00:00Z', 'completed');
  const a3 = await session(groupA.id, world.facilityA, '2026-11-17T01:00:00Z', 'completed');
  const a4 = await session(groupA.id, world.facilityA, '2026-11-24T01:00:00Z', 'cancelled');
  const a5 = await session(groupA.id, world.facilityA, '2026-11-19T01:00:00Z', 'completed');
  await attend(a1, world.facilityA, world.clientA, 'present');
  ids.attendedLate = await attend(a2, world.facilityA, world.clientA, 'late');
  await attend(a3, world.facilityA, world.clientA, 'left_early');
  await attend(a4, world.facilityA, world.clientA, 'absent_excused');
  await attend(a5, world.facilityA, world.clientA, 'absent_unexcused');
  const b1 = await session(groupB.id, world.facilityB, '2026-11-04T15:00:00Z', 'completed');
  await attend(b1, world.facilityB, world.clientB, 'present');
}

async function addAssessments() {
  const save = (instrument: string, administeredOn: string, answers: Record<string, number>) =>
    counselor.assessments.save({
      clientId: world.clientA,
      instrument: instrument as 'phq9',
      occasion: 'other',
      administeredOn,
      answers,
    });
  ids.phq9 = (
    await save('phq9', '2026-11-02', { 1: 2, 2: 2, 3: 1, 4: 3, 5: 0, 6: 1, 7: 1, 8: 0, 9: 0 })
  ).assessmentId;
  ids.gad7 = (
    await save('gad7', '2026-11-02', { 1: 1, 2: 1, 3: 2, 4: 0, 5: 0, 6: 3, 7: 1 })
  ).assessmentId;
  ids.auditc = (await save('auditc', '2026-11-03', { 1: 4, 2: 2, 3: 3 })).assessmentId;
  ids.barc10 = (
    await save('barc10', '2026-11-04', {
      1: 4,
      2: 5,
      3: 3,
      4: 6,
      5: 4,
      6: 5,
      7: 2,
      8: 4,
      9: 5,
      10: 3,
    })
  ).assessmentId;
  ids.bam = (
    await save('bam', '2026-11-05', {
      1: 2,
      2: 5,
      3: 4,
      4: 2,
      5: 0,
      6: 1,
      '7a': 3,
      8: 1,
      9: 3,
      10: 12,
      11: 0,
      12: 4,
      13: 20,
      14: 1,
      15: 2,
      16: 8,
      17: 3,
    })
  ).assessmentId;
  // Another facility's client, with an assessment of their own.
  ids.otherClientAssessment = (
    await t.db
      .insertInto('assessments')
      .values({
        facilityId: world.facilityB,
        clientId: world.clientB,
        instrumentCode: 'phq9',
        instrumentVersion: 1,
        occasion: 'admission',
        administeredOn: '2026-11-03',
        followUpTaskId: null,
        answers: JSON.stringify({ 1: 0 }) as never,
        totalScore: 0,
        band: 'Minimal',
        administeredBy: world.users.counselorB.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

async function addReferralsAndConsents() {
  const source = await t.db
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
    .returning('id')
    .executeTakeFirstOrThrow();
  const meeting = {
    id: await insertTestMeeting(
      t.db,
      { organizationId: world.organizationId, sourceId: source.id },
      'Tuesday Women',
      { types: ['O', 'W'] },
    ),
  };
  const [meetingReferral] = (
    await coordinator.alumni.refer({
      clientId: world.clientA,
      meetingIds: [meeting.id],
      on: '2026-11-12',
      note: 'Likes a small meeting',
    })
  ).referralIds;
  const [alternativeReferral] = (
    await coordinator.alumni.refer({
      clientId: world.clientA,
      alternativeName: 'SMART Recovery online',
      alternativeDetails: 'Thursdays at 7 pm, video',
      on: '2026-11-13',
    })
  ).referralIds;
  if (!meetingReferral || !alternativeReferral) throw new Error('referrals not created');
  ids.meetingReferral = meetingReferral;
  ids.alternativeReferral = alternativeReferral;
  await coordinator.alumni.moveReferral({
    referralId: meetingReferral,
    version: 1,
    status: 'accepted',
    on: '2026-11-14',
  });
  await coordinator.alumni.moveReferral({
    referralId: alternativeReferral,
    version: 1,
    status: 'declined',
    on: '2026-11-15',
    note: 'Prefers in person',
  });

  const consent = {
    clientId: world.clientA,
    discloser: 'A Facility',
    information: 'Name, that they are in treatment, and the date they were discharged',
    recipientKind: 'temporary_sponsor' as const,
    recipientName: 'Robin M., temporary sponsor',
    purpose: 'A warm hand-off to a first meeting',
    rightToRevokeExplained: true,
    expiresOn: '2027-05-01',
    expiryEvent: null,
    signedBy: 'Alpha Testperson',
    signedOn: '2026-11-12',
  };
  ids.activeConsent = (await coordinator.alumni.recordConsent(consent)).consentId;
  ids.expiredConsent = (
    await coordinator.alumni.recordConsent({
      ...consent,
      recipientName: 'Sam K., alumni volunteer',
      recipientKind: 'alumni_volunteer',
      signedOn: '2026-11-02',
      expiresOn: '2026-11-10',
    })
  ).consentId;
  ids.revokedConsent = (
    await coordinator.alumni.recordConsent({
      ...consent,
      expiresOn: null,
      expiryEvent: 'Ninety days after discharge',
    })
  ).consentId;
  await coordinator.alumni.revokeConsent({
    consentId: ids.revokedConsent,
    revokedOn: '2026-11-20',
    note: 'Signed revocation form',
  });
  // Another facility's client: a consent and a referral the export must not carry.
  ids.otherClientConsent = (
    await t.db
      .insertInto('consents')
      .values({
        ...consent,
        clientId: world.clientB,
        facilityId: world.facilityB,
        recipientName: 'Someone at B',
        revokedOn: null,
        revokedBy: null,
        revocationNote: null,
        recordedBy: world.users.counselorB.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  await t.db
    .insertInto('referrals')
    .values({
      facilityId: world.facilityB,
      clientId: world.clientB,
      meetingId: null,
      alternativeName: 'B only programme',
      alternativeDetails: null,
      status: 'suggested',
      statusOn: '2026-11-10',
      firstAttendedOn: null,
      createdBy: world.users.counselorB.id,
    })
    .execute();
}

beforeAll(async () => {
  t = await createTestDb();
  world = await createTestWorld(t.db);
  await t.db
    .updateTable('clients')
    .set({ dateOfBirth: '1990-04-12', preferredName: 'Al' })
    .where('id', '=', world.clientA)
    .execute();
  ({ caller: counselor } = await signedIn(t.db, 'counselor@a.test', clock));
  ({ caller: coordinator } = await signedIn(t.db, 'coordinator@a.test', clock));
  await addGroupSessions();
  await addAssessments();
  await addReferralsAndConsents();

  const download = await fhirBundleDownload(
    await downloadContext('counselor@a.test'),
    world.clientA,
  );
  filename = download.filename;
  contentType = download.contentType;
  fileText = download.chunks.join('');
  bundle = fhirBundleShape.parse(JSON.parse(fileText));
});

afterAll(async () => {
  await t?.close();
});

describe('the FHIR R4 export of one client', () => {
  it('is a collection Bundle of the R4 shapes, downloaded as application/fhir+json', () => {
    expect(filename).toBe('client-A-1-fhir.json');
    expect(contentType).toMatch(/^application\/fhir\+json/);
    const parsed = fhirBundleShape.safeParse(JSON.parse(fileText));
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    expect(bundle.type).toBe('collection');
    expect(bundle.timestamp).toBe('2026-11-21T17:00:00.000Z');
  });

  it('labels the Bundle and every resource as 42 CFR Part 2 data (42CFRPart2, ETH, R)', () => {
    const labelled = [bundle.meta, ...bundle.entry.map((e) => e.resource.meta)];
    for (const meta of labelled) {
      expect(missingSecurityLabels(meta.security)).toEqual([]);
      for (const label of REQUIRED_SECURITY_LABELS) {
        expect(meta.security).toContainEqual(expect.objectContaining(label));
      }
    }
    expect(bundle.meta.extension).toEqual([
      { url: PART2_NOTICE_EXTENSION_URL, valueString: PART2_NOTICE },
    ]);
  });

  it('resolves every reference to an entry of the bundle, and every fullUrl is a urn:uuid', () => {
    expect(bundleProblems(bundle)).toEqual([]);
    const patient = byType('Patient')[0];
    const patientUrl = `urn:uuid:${patient?.id}`;
    for (const e of bundle.entry) expect(e.fullUrl).toBe(`urn:uuid:${e.resource.id}`);
    const subjects = bundle.entry.flatMap((e) => {
      const r = e.resource;
      if (r.resourceType === 'Consent') return [r.patient.reference];
      if ('subject' in r) return [r.subject.reference];
      return [];
    });
    expect(subjects.length).toBeGreaterThan(10);
    expect(new Set(subjects)).toEqual(new Set([patientUrl]));
  });

  it('holds as many resources of each kind as the database holds records', async () => {
    const attended = await count(
      t.db
        .selectFrom('attendanceRecords as a')
        .innerJoin('groupSessions as s', 's.id', 'a.sessionId')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('a.clientId', '=', world.clientA)
        .where('a.status', 'in', ['present', 'late', 'left_early'])
        .where('s.state', '!=', 'cancelled')
        .executeTakeFirstOrThrow(),
    );
    const assessments = await t.db
      .selectFrom('assessments')
      .select(['id', 'instrumentCode', 'totalScore', 'subscaleScores'])
      .where('clientId', '=', world.clientA)
      .execute();
    const referrals = await count(
      t.db
        .selectFrom('referrals')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('clientId', '=', world.clientA)
        .executeTakeFirstOrThrow(),
    );
    const consents = await count(
      t.db
        .selectFrom('consents')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('clientId', '=', world.clientA)
        .executeTakeFirstOrThrow(),
    );
    const scores = assessments.reduce(
      (n, a) => n + (a.totalScore === null ? 0 : 1) + Object.keys(a.subscaleScores).length,
      0,
    );
    expect(attended).toBe(3);
    expect(assessments).toHaveLength(5);
    expect({
      Patient: byType('Patient').length,
      Encounter: byType('Encounter').length,
      Questionnaire: byType('Questionnaire').length,
      QuestionnaireResponse: byType('QuestionnaireResponse').length,
      Observation: byType('Observation').length,
      ServiceRequest: byType('ServiceRequest').length,
      Consent: byType('Consent').length,
    }).toEqual({
      Patient: 1,
      Encounter: attended,
      Questionnaire: new Set(assessments.map((a) => a.instrumentCode)).size,
      QuestionnaireResponse: assessments.length,
      Observation: scores,
      ServiceRequest: referrals,
      Consent: consents,
    });
    expect(scores).toBe(4 + 3);
    expect(bundle.entry).toHaveLength(1 + 3 + 5 + 5 + 7 + 2 + 3);
  });

  it('carries nothing of another client, and no group notes', () => {
    for (const text of [
      world.clientB,
      'B-1',
      'Bravo',
      ids.otherClientAssessment,
      ids.otherClientConsent,
      'Someone at B',
      'B only programme',
      'B Facility Group',
      'stays out of the export',
    ]) {
      expect(fileText).not.toContain(text);
    }
  });

  it('names the patient by the facility record number, with names and birth date', () => {
    const [patient] = byType('Patient');
    expect(patient).toMatchObject({
      id: world.clientA,
      identifier: [{ system: `urn:homegroup:facility:${world.facilityA}:record`, value: 'A-1' }],
      name: [
        { use: 'official', family: 'Testperson', given: ['Alpha'] },
        { use: 'usual', family: 'Testperson', given: ['Al'] },
      ],
      birthDate: '1990-04-12',
    });
  });

  it('makes one finished ambulatory Encounter per session attended, timed by the session', () => {
    const encounters = byType('Encounter');
    expect(encounters.map((e) => e.period.start)).toEqual([
      '2026-11-03T01:00:00.000Z',
      '2026-11-10T01:00:00.000Z',
      '2026-11-17T01:00:00.000Z',
    ]);
    expect(encounters.find((e) => e.id === ids.attendedLate)).toMatchObject({
      status: 'finished',
      class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
      serviceType: { text: 'Tuesday Step Study' },
      subject: { reference: `urn:uuid:${world.clientA}` },
      period: { start: '2026-11-10T01:00:00.000Z', end: '2026-11-10T02:30:00.000Z' },
    });
  });

  it('answers each assessment as a QuestionnaireResponse to a Questionnaire of the bundle', () => {
    const responses = byType('QuestionnaireResponse');
    const phq9 = responses.find((r) => r.id === ids.phq9);
    expect(phq9).toMatchObject({
      questionnaire: 'urn:homegroup:questionnaire:phq9|1',
      status: 'completed',
      authored: '2026-11-02',
      subject: { reference: `urn:uuid:${world.clientA}` },
    });
    expect(phq9?.item).toHaveLength(9);
    expect(phq9?.item[0]).toEqual({
      linkId: '1',
      text: 'Little interest or pleasure in doing things',
      answer: [
        {
          valueCoding: {
            system: 'urn:homegroup:questionnaire:phq9:item:1:answers',
            version: '1',
            code: '2',
            display: 'More than half the days',
          },
        },
      ],
    });
    // The BAM's counts of days are integers; optional items left blank are left out.
    const bam = responses.find((r) => r.id === ids.bam);
    expect(bam?.item.find((i) => i.linkId === '13')?.answer).toEqual([{ valueInteger: 20 }]);
    expect(bam?.item.find((i) => i.linkId === '7a')?.answer).toEqual([{ valueInteger: 3 }]);
    expect(bam?.item.some((i) => i.linkId === '7b')).toBe(false);
    expect(bam?.item.find((i) => i.linkId === '14')?.answer[0]).toMatchObject({
      valueCoding: { code: '1', display: 'Yes' },
    });

    const questionnaires = byType('Questionnaire');
    const phq9Form = questionnaires.find((q) => q.url === 'urn:homegroup:questionnaire:phq9');
    expect(phq9Form).toMatchObject({
      version: '1',
      status: 'active',
      code: [{ system: 'http://loinc.org', code: '44249-1' }],
    });
    expect(phq9Form?.item[8]?.code).toEqual([{ system: 'http://loinc.org', code: '44260-8' }]);
    expect(questionnaires.find((q) => q.url.endsWith(':auditc'))?.code).toEqual([
      { system: 'http://loinc.org', code: '72109-2' },
    ]);
    expect(questionnaires.find((q) => q.url.endsWith(':bam'))?.code).toBeUndefined();
  });

  it('scores each assessment in Observations derived from its response, LOINC-coded where LOINC has a code', async () => {
    const observations = byType('Observation');
    const derivedFrom = (id: string) =>
      observations.filter((o) => o.derivedFrom[0]?.reference === `urn:uuid:${id}`);
    const stored = await t.db
      .selectFrom('assessments')
      .select(['id', 'totalScore', 'subscaleScores', 'band'])
      .where('clientId', '=', world.clientA)
      .execute();
    const score = (id: string) => stored.find((s) => s.id === id);

    const [phq9] = derivedFrom(ids.phq9);
    expect(phq9).toMatchObject({
      status: 'final',
      category: [{ coding: [{ code: 'survey' }] }],
      code: {
        coding: [
          { system: 'http://loinc.org', code: '44261-6' },
          { system: 'urn:homegroup:score', code: 'phq9-total' },
        ],
        text: 'PHQ-9 total score',
      },
      effectiveDateTime: '2026-11-02',
      valueInteger: score(ids.phq9)?.totalScore,
      interpretation: [{ text: score(ids.phq9)?.band }],
    });
    expect(phq9?.valueInteger).toBe(10);
    expect(derivedFrom(ids.gad7)[0]?.code.coding?.[0]).toEqual({
      system: 'http://loinc.org',
      code: '70274-6',
    });
    expect(derivedFrom(ids.auditc)[0]?.code.coding?.[0]).toEqual({
      system: 'http://loinc.org',
      code: '72109-2',
    });
    expect(derivedFrom(ids.barc10)[0]?.code).toEqual({
      coding: [{ system: 'urn:homegroup:score', code: 'barc10-total' }],
      text: 'BARC-10 total score',
    });
    const bam = derivedFrom(ids.bam);
    expect(bam.map((o) => [o.code.text, o.valueInteger])).toEqual(
      [
        ['BAM Use subscale score', 'use'],
        ['BAM Risk subscale score', 'risk'],
        ['BAM Protective subscale score', 'protective'],
      ].map(([text, id]) => [text, score(ids.bam)?.subscaleScores[id as string]]),
    );
    expect(bam.map((o) => o.code.coding?.[0]?.code)).toEqual([
      'bam-use',
      'bam-risk',
      'bam-protective',
    ]);
  });

  it('makes each referral a ServiceRequest with its status history', () => {
    const requests = byType('ServiceRequest');
    const meeting = requests.find((r) => r.id === ids.meetingReferral);
    expect(meeting).toMatchObject({
      status: 'active',
      intent: 'plan',
      category: [{ coding: [{ system: 'http://snomed.info/sct', code: '3457005' }] }],
      code: { text: 'Tuesday Women' },
      subject: { reference: `urn:uuid:${world.clientA}` },
      note: [
        { time: '2026-11-12', text: 'Suggested: Likes a small meeting' },
        { time: '2026-11-14', text: 'Accepted' },
      ],
    });
    expect(meeting?.authoredOn).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(requests.find((r) => r.id === ids.alternativeReferral)).toMatchObject({
      status: 'revoked',
      code: { text: 'SMART Recovery online' },
      note: [
        { text: 'Thursdays at 7 pm, video' },
        { time: '2026-11-13', text: 'Suggested' },
        { time: '2026-11-15', text: 'Declined: Prefers in person' },
      ],
    });
  });

  it('makes each Part 2 consent a privacy Consent: active, expired or revoked', () => {
    const consents = byType('Consent');
    const active = consents.find((c) => c.id === ids.activeConsent);
    expect(active).toMatchObject({
      status: 'active',
      scope: {
        coding: [
          {
            system: 'http://terminology.hl7.org/CodeSystem/consentscope',
            code: 'patient-privacy',
          },
        ],
      },
      category: [{ coding: [{ system: 'http://loinc.org', code: '59284-0' }] }],
      patient: { reference: `urn:uuid:${world.clientA}` },
      dateTime: '2026-11-12',
      provision: {
        type: 'permit',
        period: { start: '2026-11-12', end: '2027-05-01' },
        purpose: [{ display: 'A warm hand-off to a first meeting' }],
        code: [{ text: 'Name, that they are in treatment, and the date they were discharged' }],
      },
    });
    expect(active?.provision.actor).toContainEqual({
      role: {
        coding: [
          {
            system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType',
            code: 'IRCP',
            display: 'information recipient',
          },
        ],
        text: 'A temporary sponsor',
      },
      reference: { display: 'Robin M., temporary sponsor' },
    });
    expect(active?.extension).toBeUndefined();
    expect(consents.find((c) => c.id === ids.expiredConsent)?.status).toBe('inactive');
    const revoked = consents.find((c) => c.id === ids.revokedConsent);
    expect(revoked?.status).toBe('inactive');
    expect(revoked?.provision.period).toEqual({ start: '2026-11-12' });
    expect(revoked?.extension).toEqual([
      {
        url: 'urn:homegroup:fhir:extension:consent-expiry-event',
        valueString: 'Ninety days after discharge',
      },
      { url: 'urn:homegroup:fhir:extension:consent-revoked-on', valueDate: '2026-11-20' },
    ]);
  });

  it('is audited as an export, and refused to group monitors, coordinators and other facilities', async () => {
    const exported = await t.db
      .selectFrom('auditEvents')
      .selectAll()
      .where('action', '=', 'export')
      .where('entityType', '=', 'fhir_bundle')
      .execute();
    expect(exported).toHaveLength(1);
    expect(exported[0]).toMatchObject({
      actorStaffUserId: world.users.counselor.id,
      facilityId: world.facilityA,
      clientId: world.clientA,
      entityId: bundle.id,
      outcome: 'success',
    });
    expect(exported[0]?.detail).toMatchObject({
      resources: { Patient: 1, Encounter: 3, Consent: 3 },
    });

    for (const email of ['monitor@a.test', 'coordinator@a.test']) {
      const refused = await refusal(
        fhirBundleDownload(await downloadContext(email), world.clientA),
      );
      expect(refused.code).toBe('FORBIDDEN');
    }
    const elsewhere = await refusal(
      fhirBundleDownload(await downloadContext('counselor@a.test'), world.clientB),
    );
    expect([elsewhere.code, elsewhere.message]).toEqual([
      'NOT_FOUND',
      'No client with that link at this facility.',
    ]);
    const failed = await t.db
      .selectFrom('auditEvents')
      .selectAll()
      .where('entityType', '=', 'fhir_bundle')
      .where('outcome', '=', 'failure')
      .execute();
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ entityId: world.clientB, clientId: null });
    const malformed = await refusal(
      fhirBundleDownload(await downloadContext('admin@a.test'), 'not-a-client'),
    );
    expect(malformed.code).toBe('BAD_INPUT');
    // The director exports too.
    const admin = await fhirBundleDownload(await downloadContext('admin@a.test'), world.clientA);
    expect(fhirBundleShape.safeParse(JSON.parse(admin.chunks.join(''))).success).toBe(true);
  });
});

describe('the FHIR shapes', () => {
  const copy = () => JSON.parse(fileText) as FhirBundle;
  const issues = (value: unknown) => {
    const parsed = fhirBundleShape.safeParse(value);
    return parsed.success ? [] : parsed.error.issues.map((i) => i.message);
  };

  it('refuse a resource without the Part 2 labels', () => {
    const b = copy();
    const encounter = b.entry.find((e) => e.resource.resourceType === 'Encounter')?.resource;
    if (!encounter) throw new Error('no encounter');
    encounter.meta.security = encounter.meta.security.filter((s) => s.code !== 'ETH');
    expect(issues(b)).toContain('Security labels missing: ETH.');
  });

  it('refuse a reference that resolves to no entry, and an unknown questionnaire', () => {
    const b = copy();
    const response = b.entry.find((e) => e.resource.resourceType === 'QuestionnaireResponse');
    if (response?.resource.resourceType !== 'QuestionnaireResponse') throw new Error('none');
    response.resource.subject = { reference: 'urn:uuid:00000000-0000-4000-8000-000000000000' };
    response.resource.questionnaire = 'urn:homegroup:questionnaire:phq9|7';
    expect(issues(b).join('\n')).toMatch(/resolves to no entry/);
    expect(issues(b).join('\n')).toMatch(/is not a Questionnaire of the bundle/);
  });

  it('refuse a misspelt element, an empty array, and a code outside the R4 value set', () => {
    const patient = copy();
    const p = patient.entry[0]?.resource as unknown as Record<string, unknown>;
    p.birthdate = p.birthDate;
    expect(issues(patient).length).toBeGreaterThan(0);

    const empty = copy();
    const request = empty.entry.find((e) => e.resource.resourceType === 'ServiceRequest');
    if (request?.resource.resourceType !== 'ServiceRequest') throw new Error('none');
    request.resource.note = [];
    expect(issues(empty).length).toBeGreaterThan(0);

    const intent = copy();
    const r = intent.entry.find((e) => e.resource.resourceType === 'ServiceRequest');
    (r?.resource as unknown as Record<string, unknown>).intent = 'referral';
    expect(issues(intent).length).toBeGreaterThan(0);
  });
});
