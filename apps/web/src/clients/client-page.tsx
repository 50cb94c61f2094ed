import {
  DISCHARGE_TYPES,
  FELLOWSHIPS,
  FOLLOW_UP_CHOICES,
  LEVELS_OF_CARE,
  percentText,
  SUBSTANCES,
  SUPPORT_PEOPLE,
  trendText,
} from '@homegroup/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { ClientOutcomesPanel } from '../assessments/client-outcomes-panel';
import { errorInfo } from '../lib/errors';
import { formatDate } from '../lib/format';
import { usePageTitle } from '../lib/use-page-title';
import { useTRPC } from '../trpc';
import { AttendanceHistory } from './attendance-history';
import { DischargeForm } from './discharge-form';
import { EngagementCharts } from './engagement-charts';
import { FamilyPanel } from './family-panel';
import { FlagsPanel } from './flags-panel';
import { GoalsPanel } from './goals-panel';
import { StepWorkPanel } from './step-work-panel';

function Figure({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <div className="figure">
      <dt>{label}</dt>
      <dd>
        <span className="figure__value">{value}</span>
        {detail && <span className="figure__detail">{detail}</span>}
      </dd>
    </div>
  );
}

/** One client: record, engagement figures and charts, flags, step work, goals and family. */
export function ClientPage() {
  const { clientId = '' } = useParams();
  const trpc = useTRPC();
  const data = useQuery(trpc.clients.page.queryOptions({ clientId }));
  const c = data.data?.client;
  const name = c ? `${c.preferredName ?? c.firstName} ${c.lastName}` : 'Client';
  usePageTitle(name);
  if (data.isPending) return <p role="status">Loading the client…</p>;
  if (data.isError) {
    return (
      <p className="alert" role="alert">
        {errorInfo(data.error).message}
      </p>
    );
  }
  const { client, summary, charts, flags, steps, goals, family, settings, today } = data.data;
  const first = client.preferredName ?? client.firstName;
  const a = summary.attendance;
  return (
    <>
      <p className="eyebrow">
        <Link to="/clients">Caseload</Link> · {client.recordNumber}
      </p>
      <div className="page-head">
        <div>
          <h1>
            {name}
            {client.preferredName && <span className="muted"> ({client.firstName})</span>}
            {client.pronouns && <span className="pronouns"> {client.pronouns}</span>}
          </h1>
          <p className="lead">
            {client.status === 'alumni'
              ? `Alumni · discharged ${formatDate(client.dischargeDate)}${client.dischargeType ? ` (${DISCHARGE_TYPES[client.dischargeType].toLowerCase()})` : ''}${client.alumniFollowUp ? ` · ${FOLLOW_UP_CHOICES[client.alumniFollowUp].toLowerCase()}` : ''}`
              : `In treatment · day ${client.daysInTreatment}`}{' '}
            · admitted {formatDate(client.admissionDate)}
            {client.levelOfCare
              ? ` · ${LEVELS_OF_CARE[client.levelOfCare as keyof typeof LEVELS_OF_CARE] ?? client.levelOfCare}`
              : ''}
            {` · counselor ${client.counselorName ?? 'not assigned'}`}
          </p>
        </div>
        <div className="button-row">
          <Link className="button" to={`/clients/${client.id}/edit`}>
            Edit record
          </Link>
          <a
            className="button"
            href={`/export/fhir/${client.id}`}
            download
            title="A FHIR R4 bundle of this client's record, labelled as protected by 42 CFR Part 2. The export is logged."
          >
            Export FHIR bundle
          </a>
        </div>
      </div>

      <dl className="figures" aria-label="Engagement at a glance">
        <Figure
          label={`Attendance, ${settings.attendanceWindowDays} days`}
          value={percentText(a)}
          detail={
            a.denominator
              ? `${a.numerator} of ${a.denominator} sessions expected`
              : 'no sessions expected'
          }
        />
        <Figure
          label="Shared"
          value={percentText(summary.participation)}
          detail={
            summary.participation.denominator
              ? `${summary.participation.numerator} of ${summary.participation.denominator} sessions`
              : 'not recorded'
          }
        />
        <Figure
          label="Engagement"
          value={summary.engagement.value === null ? '—' : summary.engagement.value.toFixed(1)}
          detail={
            summary.engagement.denominator
              ? `mean of ${summary.engagement.denominator} ratings, 1–5`
              : 'no ratings'
          }
        />
        <Figure
          label={`Trend, ${settings.engagementWeeks} weeks`}
          value={trendText(summary.trend)}
        />
        <Figure
          label="Last attended"
          value={summary.lastAttended ? formatDate(summary.lastAttended) : 'Never'}
        />
        <Figure
          label="Days sober"
          value={client.daysSober === null ? '—' : String(client.daysSober)}
          detail={
            client.nextMilestone
              ? `${client.nextMilestone.label} on ${formatDate(client.nextMilestone.date)}${client.nextMilestone.keytag ? ` (${client.nextMilestone.keytag} keytag)` : ''}`
              : client.sobrietyDate
                ? undefined
                : 'no sobriety date recorded'
          }
        />
      </dl>

      <FlagsPanel flags={flags} />

      <section aria-labelledby="charts-title">
        <h2 id="charts-title">Engagement, last 12 weeks</h2>
        <EngagementCharts charts={charts} name={first} />
      </section>

      <ClientOutcomesPanel clientId={client.id} />

      <div className="two-columns">
        <StepWorkPanel clientId={client.id} steps={steps} canEdit />
        <GoalsPanel clientId={client.id} goals={goals} />
      </div>

      <div className="two-columns">
        <section aria-labelledby="recovery-title" className="panel">
          <h2 id="recovery-title">Recovery support</h2>
          <dl className="facts">
            <dt>Sobriety date</dt>
            <dd>{formatDate(client.sobrietyDate)}</dd>
            <dt>Fellowship</dt>
            <dd>
              {client.preferredFellowship ? FELLOWSHIPS[client.preferredFellowship] : 'None yet'}
            </dd>
            <dt>Sponsor or mentor</dt>
            <dd>
              {client.supportPerson
                ? `${SUPPORT_PEOPLE[client.supportPerson]}${client.supportSince ? ` since ${formatDate(client.supportSince)}` : ''}`
                : 'None yet'}
            </dd>
            <dt>Primary substances</dt>
            <dd>
              {client.primarySubstances
                .map((s) => SUBSTANCES[s as keyof typeof SUBSTANCES] ?? s)
                .join(', ') || '—'}
            </dd>
            <dt>Program track</dt>
            <dd>{client.programTrack ?? '—'}</dd>
          </dl>
        </section>
        <FamilyPanel clientId={client.id} family={family} />
      </div>

      <AttendanceHistory clientId={client.id} />

      {client.status === 'in_treatment' && (
        <section aria-labelledby="discharge-title" className="panel">
          <h2 id="discharge-title">Discharge</h2>
          <details>
            <summary>Discharge {first}</summary>
            <DischargeForm clientId={client.id} version={client.version} today={today} />
          </details>
        </section>
      )}
    </>
  );
}
