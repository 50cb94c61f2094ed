import {
  answerProblems,
  dateInTimeZone,
  normaliseAnswers,
  readableDate,
  scoreAssessment,
} from '@homegroup/core';
import type { Db } from '@homegroup/db';
import type { AssessmentInput } from '@homegroup/validators';
import { recordStaffAction } from '../audit';
import type { Context, StaffContext } from '../context';
import { refuseFields } from '../errors';
import { assessableClient } from './assessable-client';
import { enabledInstrument } from './instrument-settings';

type Client = Awaited<ReturnType<typeof assessableClient>>;

/** Why the date, occasion or call does not fit the client, in words for staff. */
async function timingProblems(
  db: Db,
  staff: StaffContext,
  input: AssessmentInput,
  client: Client,
  today: string,
): Promise<Record<string, string>> {
  const problems: Record<string, string> = {};
  if (input.administeredOn > today) {
    problems.administeredOn = 'The date it was given cannot be in the future.';
  } else if (input.administeredOn < client.admissionDate) {
    problems.administeredOn = `The date it was given is before the client's admission on ${readableDate(client.admissionDate)}.`;
  }
  if (staff.role === 'alumni_coordinator' && input.occasion !== 'follow_up') {
    problems.occasion = 'Alumni coordinators record assessments at follow-up calls only.';
  }
  if (input.occasion === 'follow_up') {
    if (!client.dischargeDate) {
      problems.occasion =
        'A follow-up assessment comes after discharge; this client is still in treatment.';
    } else if (input.administeredOn < client.dischargeDate) {
      problems.administeredOn = `A follow-up assessment is given after the discharge on ${readableDate(client.dischargeDate)}.`;
    }
  }
  if (
    input.occasion === 'discharge' &&
    client.dischargeDate &&
    input.administeredOn > client.dischargeDate
  ) {
    problems.administeredOn = `A discharge assessment is given by the discharge on ${readableDate(client.dischargeDate)}; choose "At a follow-up call" for a later one.`;
  }
  if (input.followUpTaskId) {
    const task = await db
      .selectFrom('followUpTasks')
      .select('id')
      .where('id', '=', input.followUpTaskId)
      .where('clientId', '=', client.id)
      .where('facilityId', '=', staff.facility.id)
      .executeTakeFirst();
    if (!task) problems.followUpTaskId = "That follow-up call is not one of this client's.";
    else if (input.occasion !== 'follow_up') {
      problems.occasion = 'An assessment tied to a follow-up call is given "At a follow-up call".';
    }
  }
  return problems;
}

/**
 * Saves one administration: the answers are checked against the instrument's items, the date
 * against the client's stay, and the scores come from the instrument's rule. A PHQ-9 item 9
 * answer above zero raises a safety flag for the counselor in the same transaction; a later PHQ-9
 * with item 9 at zero clears it.
 */
export async function saveAssessment(ctx: Context, staff: StaffContext, input: AssessmentInput) {
  const client = await assessableClient(ctx, staff, input.clientId);
  const definition = await enabledInstrument(ctx.db, staff.facility.id, input.instrument);
  const today = dateInTimeZone(ctx.now(), staff.facility.timeZone);
  const answerIssues = answerProblems(definition, input.answers);
  const problems = {
    ...Object.fromEntries(Object.entries(answerIssues).map(([item, m]) => [`answers.${item}`, m])),
    ...(await timingProblems(ctx.db, staff, input, client, today)),
  };
  const count = Object.keys(problems).length;
  refuseFields(
    problems,
    count === 1 ? undefined : `${count} answers or details need attention. Nothing was saved.`,
  );
  const answers = normaliseAnswers(definition, input.answers);
  const score = scoreAssessment(definition, answers);

  return ctx.db.transaction().execute(async (trx) => {
    const saved = await trx
      .insertInto('assessments')
      .values({
        facilityId: staff.facility.id,
        clientId: client.id,
        instrumentCode: definition.code,
        instrumentVersion: definition.version,
        occasion: input.occasion,
        administeredOn: input.administeredOn,
        followUpTaskId: input.followUpTaskId ?? null,
        answers: JSON.stringify(answers) as never,
        totalScore: score.total,
        subscaleScores: JSON.stringify(score.subscales) as never,
        band: score.band?.label ?? null,
        safetyConcern: score.safety.length > 0,
        administeredBy: staff.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const open = await trx
      .selectFrom('clientFlags')
      .select('id')
      .where('clientId', '=', client.id)
      .where('rule', '=', 'self_harm_risk')
      .where('clearedOn', 'is', null)
      .executeTakeFirst();
    const safetyReason = score.safety
      .map((s) => `${s.message} (${definition.shortName} on ${readableDate(input.administeredOn)})`)
      .join(' ');
    if (score.safety.length > 0) {
      if (open) {
        // A new answer renews the flag and asks for a fresh acknowledgement.
        await trx
          .updateTable('clientFlags')
          .set({
            reason: safetyReason,
            acknowledgedAt: null,
            acknowledgedBy: null,
            acknowledgementNote: null,
          })
          .where('id', '=', open.id)
          .execute();
      } else {
        await trx
          .insertInto('clientFlags')
          .values({
            clientId: client.id,
            facilityId: staff.facility.id,
            rule: 'self_harm_risk',
            reason: safetyReason,
            raisedOn: today,
          })
          .execute();
      }
    } else if (open && definition.safety.length > 0) {
      // Only a later administration clears it: an older form typed in late says nothing of now.
      const laterConcern = await trx
        .selectFrom('assessments')
        .select('id')
        .where('clientId', '=', client.id)
        .where('instrumentCode', '=', definition.code)
        .where('safetyConcern', '=', true)
        .where('administeredOn', '>', input.administeredOn)
        .executeTakeFirst();
      if (!laterConcern) {
        await trx
          .updateTable('clientFlags')
          .set({ clearedOn: today })
          .where('id', '=', open.id)
          .execute();
      }
    }
    await recordStaffAction(ctx, staff, trx, {
      action: 'create',
      entityType: 'assessment',
      entityId: saved.id,
      clientId: client.id,
      detail: {
        instrument: definition.code,
        occasion: input.occasion,
        administeredOn: input.administeredOn,
        safetyConcern: score.safety.length > 0,
      },
    });
    return {
      assessmentId: saved.id,
      total: score.total,
      band: score.band?.label ?? null,
      subscales: score.subscales,
      flags: score.flags,
      safety: score.safety.map((s) => s.message),
    };
  });
}
