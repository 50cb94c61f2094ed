import { randomUUID } from 'node:crypto';
import {
  type AbstinenceAnswer,
  addDays,
  DEFAULT_FOLLOW_UP_DAYS,
  daysBetween,
  type Fellowship,
  type FollowUpChoice,
  type FollowUpTaskStatus,
  followUpSchedule,
  type HousingStatus,
  type MatchPreferences,
  PART2_NOTICE,
  type RecipientKind,
  type ReferralStatus,
  type SeededRandom,
  type WorkStatus,
  zonedTimeToInstant,
} from '@homegroup/core';
import { type Insertable, sql, type Transaction } from 'kysely';
import type { Database, FollowUpAttemptsTable, NewReferral, ReferralEventsTable } from '../tables';
import { type Area, demoPreferences, pickMeeting, seedDemoMeetings } from './demo-meetings';

export interface DemoAlumniInput {
  random: SeededRandom;
  today: string;
  organizationId: string;
  facilities: Record<Area, { id: string; timeZone: string; name: string }>;
  staffIds: Record<string, string>;
  clients: readonly {
    id: string;
    facilityId: string;
    status: 'in_treatment' | 'alumni';
    admissionDate: string;
    dischargeDate: string | null;
    firstName: string;
    lastName: string;
    pronouns: string | null;
    preferredFellowship: Fellowship | null;
    alumniFollowUp: FollowUpChoice | null;
    sobrietyDate: string | null;
  }[];
}
type Client = DemoAlumniInput['clients'][number] & { area: Area };
type Alumnus = Client & { dischargeDate: string };
type At = (c: Client, date: string, time?: string) => Date;

const later = (a: string, b: string) => (a > b ? a : b);
const earlier = (a: string, b: string) => (a < b ? a : b);
const words = <T extends string>(text: string) => text.split(' ') as T[];

/**
 * Alumni work for the demo: a meeting directory, preferences, referrals in every status, Part 2
 * consents with their disclosures, and follow-up calls around `today`.
 */
export async function seedDemoAlumni(trx: Transaction<Database>, input: DemoAlumniInput) {
  const { random, today, facilities } = input;
  const by = input.staffIds.alumni as string;
  const clients = input.clients.map(
    (c): Client => ({ ...c, area: c.facilityId === facilities.cedar.id ? 'cedar' : 'lakeside' }),
  );
  // Noon in the facility's zone, once per day: converting each of ~1,000 times costs ~300 ms.
  const noons = new Map<string, number>();
  const at: At = (c, date, time = `${random.int(9, 17)}:${random.pick(['05', '20', '40'])}`) => {
    const key = `${c.area} ${date}`;
    const noon =
      noons.get(key) ?? zonedTimeToInstant(date, '12:00', facilities[c.area].timeZone).getTime();
    noons.set(key, noon);
    const [h, m] = time.split(':').map(Number) as [number, number];
    return new Date(noon + (h * 60 + m - 720) * 60_000); // exact for times after 3 am
  };

  const meetings = await seedDemoMeetings(trx, {
    random,
    today,
    organizationId: input.organizationId,
    createdBy: by,
    timeZones: { cedar: facilities.cedar.timeZone, lakeside: facilities.lakeside.timeZone },
  });
  const alumni = clients.filter((c): c is Alumnus => c.status === 'alumni' && !!c.dischargeDate);
  const referred = alumni.filter((_, i) => i % 4 === 1);

  // Every referred alumnus said what suits them; for two in three it was recorded.
  const wants = new Map<string, MatchPreferences>();
  const preferences = [];
  for (const [j, c] of referred.entries()) {
    const { homeLabel, home, ...prefs } = demoPreferences(random, c);
    wants.set(c.id, { ...prefs, home });
    if (j % 3 === 2) continue;
    const updatedOn = earlier(addDays(c.dischargeDate, random.int(0, 5)), today);
    preferences.push({
      ...prefs,
      clientId: c.id,
      facilityId: c.facilityId,
      homeLabel,
      homeLatitude: home.latitude,
      homeLongitude: home.longitude,
      updatedBy: by,
      updatedAt: at(c, updatedOn),
    });
  }
  await trx.insertInto('referralPreferences').values(preferences).execute();

  // Referrals, each to a directory meeting that fits or now and then to an alternative.
  const referrals: NewReferral[] = [];
  const events: Insertable<ReferralEventsTable>[] = [];
  const firstReferral = new Map<string, { id: string; on: string; meeting: string }>();
  const offered = new Set<string>();
  const refer = (c: Client, status: ReferralStatus, from: string, alternative?: string[]) => {
    const steps = planReferral(random, status, earlier(from, today), today);
    const prefs = wants.get(c.id) ?? { ...NO_PREFS, fellowships: [c.preferredFellowship ?? 'aa'] };
    const pick = alternative ? null : pickMeeting(random, prefs, meetings, c, offered);
    const [id, first, last] = [randomUUID(), steps[0] as Step, steps[steps.length - 1] as Step];
    referrals.push({
      ...{ id, facilityId: c.facilityId, clientId: c.id, meetingId: pick?.meeting.id ?? null },
      alternativeName: pick ? null : (alternative?.[0] ?? 'SMART Recovery online'),
      alternativeDetails: pick ? null : (alternative?.[1] ?? 'Online meetings most evenings.'),
      ...{ status: last.status, statusOn: last.on, version: steps.length },
      firstAttendedOn: steps.find((s) => s.status === 'first_attended')?.on ?? null,
      matchReasons: pick?.reasons ?? ['Not a Twelve Step programme, as asked'],
      ...{ createdBy: by, createdAt: at(c, first.on) },
    });
    for (const s of steps) {
      events.push({
        ...{ referralId: id, facilityId: c.facilityId, status: s.status, occurredOn: s.on },
        ...{ note: EVENT_NOTES[s.status] ?? null, recordedBy: by, recordedAt: at(c, s.on) },
      });
    }
    if (pick && !firstReferral.has(c.id)) {
      firstReferral.set(c.id, { id, on: first.on, meeting: pick.meeting.name });
    }
    return last;
  };
  for (const [j, c] of referred.entries()) {
    const status = STATUS_CYCLE[j % STATUS_CYCLE.length] as ReferralStatus;
    // Three go to an alternative outside the directory.
    const alternative = j % 13 === 6 ? ALTERNATIVES[Math.floor(j / 13)] : undefined;
    const last = refer(c, status, c.dischargeDate, alternative);
    // After a referral that went nowhere, another, to a different meeting.
    if ((last.status === 'declined' || last.status === 'lost_contact') && last.on < today) {
      refer(
        c,
        random.pick(words<ReferralStatus>('suggested accepted first_attended')),
        addDays(last.on, 1),
      );
    }
  }
  // In treatment the longest, so nearing discharge: a meeting suggested for their first week out.
  const inTreatment = clients.filter((c) => c.status === 'in_treatment');
  inTreatment.sort((a, b) => a.admissionDate.localeCompare(b.admissionDate));
  for (const c of inTreatment.slice(0, 4)) {
    refer(c, 'suggested', later(addDays(c.admissionDate, 7), addDays(today, -10)));
  }
  await trx.insertInto('referrals').values(referrals).execute();
  await trx.insertInto('referralEvents').values(events).execute();

  const consents = await seedConsents(trx, { ...input, by, at, referred, firstReferral });
  const followUps = await seedFollowUps(trx, { random, today, by, at, alumni });
  return { meetings: meetings.length, referrals: referrals.length, ...consents, followUps };
}

const NO_PREFS: MatchPreferences = {
  ...{ fellowships: [], days: [], timesOfDay: [], attendanceModes: [], language: null },
  ...{ communities: [], home: null, maxDistanceMiles: null },
};
const STATUS_CYCLE = words<ReferralStatus>(
  'attending first_attended accepted suggested declined attending lost_contact first_attended ' +
    'attending accepted declined',
);
const ALTERNATIVES = [
  ['SMART Recovery online', 'Online meetings most evenings; the client chose Tuesday at 7 pm.'],
  ['LifeRing online meeting', 'Secular and peer-led; online meetings every day.'],
  ['Recovery Dharma online', 'Meditation-based; online meetings on weekday mornings.'],
];
const EVENT_NOTES: Partial<Record<ReferralStatus, string>> = {
  accepted: 'Wants to try it this week.',
  first_attended: 'Went; said people were welcoming.',
  attending: 'Going most weeks and has a phone list.',
  declined: 'Would rather find a meeting on their own.',
  lost_contact: 'Three calls unanswered; a message was left.',
};

type Step = { status: ReferralStatus; on: string };
const PATHS: Record<ReferralStatus, string[]> = {
  suggested: ['suggested'],
  accepted: ['suggested accepted'],
  first_attended: ['suggested accepted first_attended'],
  attending: ['suggested accepted first_attended attending'],
  declined: ['suggested declined', 'suggested accepted declined'],
  lost_contact: [
    'suggested accepted lost_contact',
    'suggested accepted first_attended attending lost_contact',
  ],
};
/** Days since the step before, least and most: regular attendance is judged after 30 days. */
const GAPS: Record<ReferralStatus, [number, number]> = {
  ...{ suggested: [0, 0], accepted: [1, 6], first_attended: [2, 12], attending: [30, 50] },
  ...{ declined: [1, 10], lost_contact: [14, 45] },
};
const FALLBACK: Partial<Record<ReferralStatus, ReferralStatus>> = {
  ...{ attending: 'first_attended', first_attended: 'accepted', accepted: 'suggested' },
  ...{ lost_contact: 'declined', declined: 'suggested' },
};

/** The steps of a referral ending in `status`, all from `from` to `today`, or a shorter one. */
function planReferral(
  random: SeededRandom,
  status: ReferralStatus,
  from: string,
  today: string,
): Step[] {
  const path = words<ReferralStatus>(random.pick(PATHS[status]));
  const room = daysBetween(from, today);
  let gaps = path.slice(1).map((s) => random.int(...GAPS[s]));
  if (gaps.reduce((a, b) => a + b, 0) > room) gaps = path.slice(1).map((s) => GAPS[s][0]);
  const slack = room - gaps.reduce((a, b) => a + b, 0);
  const fallback = FALLBACK[status];
  if (slack < 0 && fallback) return planReferral(random, fallback, from, today);
  // Open suggestions are recent; the rest started within a month of `from`.
  const open = status === 'suggested' || status === 'accepted';
  const start = open
    ? slack - random.int(0, Math.min(slack, 14))
    : random.int(0, Math.min(slack, 30));
  let on = addDays(from, start);
  return path.map((s, i) => {
    if (i > 0) on = addDays(on, gaps[i - 1] as number);
    return { status: s, on };
  });
}

const RECIPIENTS: [RecipientKind, string][] = [
  ['temporary_sponsor', 'Robin M., temporary sponsor'],
  ['meeting_contact', 'Dale R., secretary'],
  ['alumni_volunteer', 'Frankie S., alumni volunteer'],
  ['temporary_sponsor', 'Terry K., temporary sponsor'],
  ['meeting_contact', 'Pat D., group contact'],
];
const INFORMATION = [
  'My first name, phone number, and that I have just finished treatment and want a home group',
  'My first name, phone number and which meeting I plan to go to first',
];
const PURPOSES = [
  'A warm hand-off: an introduction before my first community meeting',
  'To arrange for someone to meet me at the door of my first meeting',
];

interface ConsentInput extends DemoAlumniInput {
  by: string;
  at: At;
  referred: readonly Alumnus[];
  firstReferral: ReadonlyMap<string, { id: string; on: string; meeting: string }>;
}

/** Part 2 consents for 15 referred alumni (3 expired, 2 revoked) and 8 disclosures under them. */
async function seedConsents(trx: Transaction<Database>, input: ConsentInput) {
  const { random, today, by, at, facilities, firstReferral } = input;
  const consents = [];
  const wanted = { expired: 3, revoked: 2, active: 10 };
  for (const c of input.referred) {
    const span = daysBetween(c.dischargeDate, today);
    // Expired and revoked ones need a discharge long enough ago to have run their course.
    let kind: keyof typeof wanted = 'active';
    if (wanted.expired > 0 && span >= 200) kind = 'expired';
    else if (wanted.revoked > 0 && span >= 30) kind = 'revoked';
    if (wanted[kind] === 0) continue;
    wanted[kind] -= 1;
    const [recipientKind, recipient] = RECIPIENTS[consents.length % RECIPIENTS.length] as [
      RecipientKind,
      string,
    ];
    const meeting = firstReferral.get(c.id)?.meeting;
    let signedOn = addDays(c.dischargeDate, -random.int(0, 5));
    let expiresOn: string | null = addDays(signedOn, random.int(180, 365));
    let [revokedOn, expiryEvent]: (string | null)[] = [null, null];
    if (kind === 'expired') {
      expiresOn = addDays(
        signedOn,
        random.int(180, Math.min(365, daysBetween(signedOn, today) - 1)),
      );
    } else if (kind === 'revoked') {
      revokedOn = addDays(signedOn, random.int(10, Math.min(120, daysBetween(signedOn, today))));
    } else if (span < 330 && random.chance(0.35)) {
      [expiresOn, expiryEvent] = [null, 'One year after discharge'];
    } else {
      // Signed (or signed again) so that it runs past today.
      const length = random.int(180, 365);
      const lo = later(signedOn, addDays(today, 1 - length));
      signedOn = addDays(lo, random.int(0, Math.min(20, daysBetween(lo, addDays(today, -1)))));
      expiresOn = addDays(signedOn, length);
    }
    consents.push({
      id: randomUUID(),
      facilityId: c.facilityId,
      clientId: c.id,
      discloser: facilities[c.area].name,
      information: random.pick(INFORMATION),
      recipientKind,
      recipientName:
        recipientKind === 'meeting_contact' && meeting ? `${recipient} at ${meeting}` : recipient,
      purpose: random.pick(PURPOSES),
      rightToRevokeExplained: true,
      expiresOn,
      expiryEvent,
      signedBy: `${c.firstName} ${c.lastName}`,
      signedOn,
      revokedOn,
      revokedBy: revokedOn ? by : null,
      revocationNote: revokedOn
        ? 'Asked by phone to withdraw it; written revocation on file.'
        : null,
      recordedBy: by,
      recordedAt: at(c, signedOn),
    });
  }
  await trx.insertInto('consents').values(consents).execute();

  // Warm hand-offs under every other consent, each while it was in force.
  const disclosures = consents
    .filter((_, i) => i % 2 === 0)
    .slice(0, 8)
    .map((consent) => {
      const c = input.referred.find((r) => r.id === consent.clientId) as Alumnus;
      let hi = earlier(today, consent.expiresOn ?? today);
      if (consent.revokedOn) hi = earlier(hi, addDays(consent.revokedOn, -1));
      const referral = firstReferral.get(c.id);
      const linked =
        referral && referral.on >= consent.signedOn && referral.on <= hi ? referral : null;
      const lo = linked?.on ?? consent.signedOn;
      const disclosedOn = addDays(lo, random.int(0, Math.min(14, daysBetween(lo, hi))));
      return {
        ...{ facilityId: c.facilityId, clientId: c.id, consentId: consent.id },
        ...{ referralId: linked?.id ?? null, kind: 'warm_handoff' as const },
        ...{ recipientName: consent.recipientName, information: consent.information },
        ...{ purpose: consent.purpose, notice: PART2_NOTICE, disclosedOn, madeBy: by },
        recordedAt: at(c, disclosedOn),
      };
    });
  await trx.insertInto('disclosures').values(disclosures).execute();
  return { consents: consents.length, disclosures: disclosures.length };
}

const DAYS = DEFAULT_FOLLOW_UP_DAYS;
const HOUSING = words<HousingStatus>(
  'stable stable stable family family sober_living sober_living unstable treatment homeless',
);
const WORK = words<WorkStatus>(
  'working working working school both looking looking neither unable',
);
const ABSTINENT = words<AbstinenceAnswer>('yes yes yes yes yes yes yes declined no');
type Outcome = 'reached' | 'no_answer' | 'wrong_number' | 'declined';

/**
 * Follow-up calls at 7, 30, 60 and 90 days for every alumnus who opted in: old ones mostly done
 * with their answers, some declined or left overdue; recent ones due; the rest ahead. A phone
 * number for about half of them.
 */
async function seedFollowUps(
  trx: Transaction<Database>,
  input: { random: SeededRandom; today: string; by: string; at: At; alumni: readonly Alumnus[] },
) {
  const { random, today, by, at } = input;
  const optedIn = input.alumni.filter((c) => c.alumniFollowUp === 'opted_in');
  const plans = optedIn.flatMap((c) =>
    followUpSchedule(c.dischargeDate, DAYS).map((s) => {
      const late = daysBetween(s.dueOn, today);
      const [r, open] = [random.next(), late <= 40 ? 0.2 : 0.04];
      const status: FollowUpTaskStatus =
        late < 7 || r < open ? 'open' : r < open + 0.08 ? 'declined' : 'done';
      return { c, days: s.daysAfterDischarge, dueOn: s.dueOn, late, status };
    }),
  );
  // A handful of overdue calls at Cedar Hollow whatever the dice said, for the queue to show.
  const overdue = plans.filter((p) => p.c.area === 'cedar' && p.late >= 7);
  overdue.sort((a, b) => b.dueOn.localeCompare(a.dueOn));
  for (const p of overdue.slice(0, 4)) p.status = 'open';

  const tasks = [];
  const attempts: Insertable<FollowUpAttemptsTable>[] = [];
  for (const { c, days, dueOn, late, status } of plans) {
    const id = randomUUID();
    const attempt = (outcome: Outcome, on: string, time: string) => {
      const attemptedAt = at(c, on, time);
      const call = {
        taskId: id,
        facilityId: c.facilityId,
        clientId: c.id,
        outcome,
        attemptedAt,
        madeBy: by,
      };
      if (outcome !== 'reached') {
        const note =
          outcome === 'declined' ? 'Said things are fine and would rather not talk.' : null;
        attempts.push({ ...call, note });
        return attemptedAt;
      }
      // Someone whose sobriety date is after discharge has used since.
      const usedAgain =
        !!c.sobrietyDate && c.sobrietyDate > c.dischargeDate && on >= addDays(c.sobrietyDate, -10);
      const abstinent = usedAgain ? 'no' : random.pick(ABSTINENT);
      attempts.push({
        ...call,
        note: random.chance(0.3) ? 'Glad to hear from us; sends thanks to the staff.' : null,
        communityMeetings: abstinent === 'yes' ? random.int(3, 20) : random.int(0, 6),
        ...{ hasSponsor: random.chance(0.55), abstinent, housing: random.pick(HOUSING) },
        workOrSchool: random.pick(WORK),
      });
      return attemptedAt;
    };
    const day = (most: number) => addDays(dueOn, random.int(0, Math.max(0, Math.min(late, most))));
    let closedAt: Date | null = null;
    if (status === 'open' && late >= 0 && random.chance(late < 7 ? 0.3 : 0.6)) {
      attempt(late >= 7 && random.chance(0.25) ? 'wrong_number' : 'no_answer', day(10), '10:15');
    } else if (status === 'declined') {
      closedAt = attempt('declined', day(4), '14:40');
    } else if (status === 'done') {
      const first = day(3);
      if (random.chance(0.25)) attempt('no_answer', first, '10:15');
      closedAt = attempt('reached', earlier(addDays(first, random.int(0, 2)), today), '16:30');
    }
    tasks.push({
      ...{ id, facilityId: c.facilityId, clientId: c.id, daysAfterDischarge: days, dueOn, status },
      ...{ closedAt, closedBy: closedAt ? by : null, cancelReason: null },
      createdAt: at(c, c.dischargeDate, '17:00'),
    });
  }
  await trx.insertInto('followUpTasks').values(tasks).execute();
  if (attempts.length > 0) await trx.insertInto('followUpAttempts').values(attempts).execute();

  const phones = optedIn
    .filter(() => random.chance(0.5))
    .map((c, i) => sql`(${c.id}::uuid, ${`555-01${String(i % 100).padStart(2, '0')}`})`);
  if (phones.length > 0) {
    await sql`update clients set phone = v.phone from (values ${sql.join(phones)}) as v(id, phone)
      where clients.id = v.id`.execute(trx);
  }
  return tasks.length;
}
