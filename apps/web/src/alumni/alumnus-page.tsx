import { DISCHARGE_TYPES, FOLLOW_UP_CHOICES } from '@homegroup/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { ClientOutcomesPanel } from '../assessments/client-outcomes-panel';
import { errorInfo } from '../lib/errors';
import { formatDate } from '../lib/format';
import { usePageTitle } from '../lib/use-page-title';
import { fellowshipName } from '../meetings/meeting-format';
import { useTRPC } from '../trpc';
import { ConsentsPanel } from './consents-panel';
import { FollowUpPanel } from './follow-up-panel';
import { MatchesPanel } from './matches-panel';
import { PreferencesPanel } from './preferences-panel';
import { ReferralsPanel } from './referrals-panel';
import './alumni.css';

/** One alumnus (or a client nearing discharge) as the alumni coordinator works with them. */
export function AlumnusPage() {
  const { clientId = '' } = useParams();
  const trpc = useTRPC();
  const data = useQuery(trpc.alumni.page.queryOptions({ clientId }));
  const c = data.data?.client;
  const name = c ? `${c.preferredName ?? c.firstName} ${c.lastName}` : 'Alumnus';
  usePageTitle(name);
  if (data.isPending) return <p role="status">Loading…</p>;
  if (data.isError) {
    return (
      <p className="alert" role="alert">
        {errorInfo(data.error).message}
      </p>
    );
  }
  const page = data.data;
  const client = page.client;
  return (
    <>
      <p className="eyebrow">
        <Link to="/alumni">Alumni & referrals</Link> · {client.recordNumber}
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
              ? `Discharged ${formatDate(client.dischargeDate)}${client.dischargeType ? ` (${DISCHARGE_TYPES[client.dischargeType].toLowerCase()})` : ''} · ${client.alumniFollowUp ? FOLLOW_UP_CHOICES[client.alumniFollowUp].toLowerCase() : 'follow-up not recorded'}`
              : `In treatment since ${formatDate(client.admissionDate)}`}
            {client.preferredFellowship &&
              ` · prefers ${fellowshipName(client.preferredFellowship)}`}
          </p>
        </div>
        <Link className="button" to={`/alumni/${client.id}/meeting-list`} target="_blank">
          Print meeting list
        </Link>
      </div>
      {client.status === 'alumni' && <FollowUpPanel page={page} />}
      {client.status === 'alumni' && (
        <ClientOutcomesPanel
          clientId={client.id}
          occasion="follow_up"
          followUpTaskId={
            page.followUps.find(
              (t) => t.status === 'open' && (t.urgency === 'overdue' || t.urgency === 'due'),
            )?.id
          }
        />
      )}
      <div className="two-columns">
        <PreferencesPanel
          clientId={client.id}
          preferences={page.preferences}
          preferredFellowship={client.preferredFellowship}
        />
        <MatchesPanel clientId={client.id} />
      </div>
      <ReferralsPanel clientId={client.id} referrals={page.referrals} />
      <ConsentsPanel page={page} />
    </>
  );
}
