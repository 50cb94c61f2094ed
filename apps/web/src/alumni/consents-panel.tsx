import type { RouterOutputs } from '@homegroup/api';
import { RECIPIENT_KINDS, type RecipientKind } from '@homegroup/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { SelectField } from '../components/select-field';
import { TextField } from '../components/text-field';
import { errorInfo } from '../lib/errors';
import { useFacilityToday } from '../lib/facility-today';
import { formatDate } from '../lib/format';
import { useTRPC } from '../trpc';
import { useRefreshAlumni } from './use-alumni-mutation';

type Page = RouterOutputs['alumni']['page'];
type Consent = Page['consents'][number];

const STATE_WORDS = {
  active: 'Active',
  expired: 'Expired',
  revoked: 'Revoked',
  not_yet_signed: 'Not yet in force',
} as const;

function ConsentForm({ page, onDone }: { page: Page; onDone: () => void }) {
  const today = useFacilityToday();
  const trpc = useTRPC();
  const refresh = useRefreshAlumni();
  const client = page.client;
  const [v, setV] = useState({
    discloser: '',
    information: '',
    recipientKind: '' as RecipientKind | '',
    recipientName: '',
    purpose: '',
    rightToRevokeExplained: false,
    expiresOn: '',
    expiryEvent: '',
    signedBy: `${client.firstName} ${client.lastName}`,
    signedOn: today,
  });
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) =>
    setV({ ...v, [k]: e.target.value });
  const save = useMutation(
    trpc.alumni.recordConsent.mutationOptions({
      onSuccess: async () => {
        await refresh();
        onDone();
      },
    }),
  );
  const error = save.error ? errorInfo(save.error) : null;
  const fe = error?.fieldErrors ?? {};
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({
      ...v,
      clientId: client.id,
      recipientKind: v.recipientKind as RecipientKind,
      expiresOn: v.expiresOn || null,
      expiryEvent: v.expiryEvent || null,
    });
  };
  return (
    <form
      className="form consent-form"
      onSubmit={onSubmit}
      noValidate
      aria-label="Record a consent"
    >
      <p className="muted small">
        42 CFR Part 2 consent: every element below is required. Record it from the form the client
        signed.
      </p>
      <TextField
        label="Who may disclose"
        placeholder="The facility's name"
        value={v.discloser}
        onChange={set('discloser')}
        error={fe.discloser?.[0]}
      />
      <SelectField
        label="Recipient is"
        value={v.recipientKind}
        onChange={set('recipientKind')}
        options={RECIPIENT_KINDS}
        error={fe.recipientKind?.[0]}
      />
      <TextField
        label="Recipient's name (or class of people)"
        value={v.recipientName}
        onChange={set('recipientName')}
        error={fe.recipientName?.[0]}
      />
      <TextField
        label="Exactly what may be disclosed"
        value={v.information}
        onChange={set('information')}
        error={fe.information?.[0]}
      />
      <TextField
        label="Purpose"
        value={v.purpose}
        onChange={set('purpose')}
        error={fe.purpose?.[0]}
      />
      <div className="field">
        <label className="check">
          <input
            type="checkbox"
            checked={v.rightToRevokeExplained}
            onChange={(e) => setV({ ...v, rightToRevokeExplained: e.target.checked })}
          />{' '}
          The client was told they may revoke this consent in writing at any time
        </label>
        {fe.rightToRevokeExplained && <p className="field-error">{fe.rightToRevokeExplained[0]}</p>}
      </div>
      <div className="details-grid">
        <TextField
          label="Expires on"
          type="date"
          value={v.expiresOn}
          onChange={set('expiresOn')}
          error={fe.expiresOn?.[0]}
        />
        <TextField
          label="…or ends at this event"
          placeholder="e.g. One year after discharge"
          value={v.expiryEvent}
          onChange={set('expiryEvent')}
          error={fe.expiryEvent?.[0]}
        />
        <TextField
          label="Signed by (name as signed)"
          value={v.signedBy}
          onChange={set('signedBy')}
          error={fe.signedBy?.[0]}
        />
        <TextField
          label="Date signed"
          type="date"
          value={v.signedOn}
          onChange={set('signedOn')}
          error={fe.signedOn?.[0]}
        />
      </div>
      {error && Object.keys(fe).length === 0 && (
        <p className="alert" role="alert">
          {error.message}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          Save consent
        </button>
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function RevokeForm({ consent }: { consent: Consent }) {
  const today = useFacilityToday();
  const trpc = useTRPC();
  const refresh = useRefreshAlumni();
  const [open, setOpen] = useState(false);
  const [revokedOn, setOn] = useState(today);
  const [note, setNote] = useState('');
  const revoke = useMutation(trpc.alumni.revokeConsent.mutationOptions({ onSuccess: refresh }));
  const error = revoke.error ? errorInfo(revoke.error) : null;
  if (!open) {
    return (
      <button
        type="button"
        className="link-button link-button--danger"
        onClick={() => setOpen(true)}
      >
        Record a revocation
      </button>
    );
  }
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        revoke.mutate({ consentId: consent.id, revokedOn, note });
      }}
    >
      <TextField
        label="Revoked on"
        type="date"
        value={revokedOn}
        onChange={(e) => setOn(e.target.value)}
        error={error?.fieldErrors.revokedOn?.[0]}
      />
      <TextField
        label="How it was revoked"
        value={note}
        onChange={(e) => setNote(e.target.value)}
        error={error?.fieldErrors.note?.[0]}
      />
      <button type="submit" className="button">
        Save revocation
      </button>
    </form>
  );
}

function HandOffForm({ page }: { page: Page }) {
  const today = useFacilityToday();
  const trpc = useTRPC();
  const refresh = useRefreshAlumni();
  const usable = page.consents.filter((c) => c.state === 'active');
  const [consentId, setConsentId] = useState('');
  const [recipientName, setRecipient] = useState('');
  const [information, setInformation] = useState('');
  const [purpose, setPurpose] = useState('');
  const [disclosedOn, setOn] = useState(today);
  const [notice, setNotice] = useState<string | null>(null);
  const save = useMutation(
    trpc.alumni.recordDisclosure.mutationOptions({
      onSuccess: async (result) => {
        setNotice(result.notice);
        setRecipient('');
        setInformation('');
        await refresh();
      },
    }),
  );
  const error = save.error ? errorInfo(save.error) : null;
  const fe = error?.fieldErrors ?? {};
  return (
    <form
      className="form handoff-form"
      aria-label="Warm hand-off"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setNotice(null);
        save.mutate({
          clientId: page.client.id,
          consentId,
          recipientName,
          information,
          purpose,
          disclosedOn,
        });
      }}
    >
      <h3>Warm hand-off</h3>
      <p className="muted small">
        Calling a meeting contact, a temporary sponsor or an alumni volunteer about this client
        discloses that they were in treatment. It needs an active consent naming that person.
      </p>
      <div className="field">
        <label>
          Under consent
          <select
            value={consentId}
            onChange={(e) => {
              setConsentId(e.target.value);
              const c = page.consents.find((x) => x.id === e.target.value);
              if (c) {
                setRecipient(c.recipientName);
                setPurpose(c.purpose);
              }
            }}
            aria-invalid={fe.consentId ? true : undefined}
          >
            <option value="">Choose a consent…</option>
            {page.consents.map((c) => (
              <option key={c.id} value={c.id}>
                {c.recipientName} — {STATE_WORDS[c.state].toLowerCase()}
                {c.expiresOn ? `, expires ${formatDate(c.expiresOn)}` : ''}
              </option>
            ))}
          </select>
        </label>
        {fe.consentId && (
          <p className="field-error" role="alert">
            {fe.consentId[0]}
          </p>
        )}
        {usable.length === 0 && (
          <p className="small">There is no active consent: record one first.</p>
        )}
      </div>
      <TextField
        label="Person contacted"
        value={recipientName}
        onChange={(e) => setRecipient(e.target.value)}
        error={fe.recipientName?.[0]}
      />
      <TextField
        label="What you told them"
        value={information}
        onChange={(e) => setInformation(e.target.value)}
        error={fe.information?.[0]}
      />
      <TextField
        label="What it was for"
        value={purpose}
        onChange={(e) => setPurpose(e.target.value)}
        error={fe.purpose?.[0]}
      />
      <TextField
        label="Date of the contact"
        type="date"
        value={disclosedOn}
        onChange={(e) => setOn(e.target.value)}
        error={fe.disclosedOn?.[0]}
      />
      {error && Object.keys(fe).length === 0 && (
        <p className="alert" role="alert">
          {error.message}
        </p>
      )}
      <button type="submit" className="button button--primary" disabled={save.isPending}>
        Record the hand-off
      </button>
      {notice && (
        <div className="notice" role="status">
          <strong>Recorded in the disclosure log.</strong> Give the recipient this notice with what
          you disclosed:
          <blockquote>{notice}</blockquote>
        </div>
      )}
    </form>
  );
}

export function ConsentsPanel({ page }: { page: Page }) {
  const [adding, setAdding] = useState(false);
  return (
    <section className="panel" aria-labelledby="consent-title">
      <h2 id="consent-title">Consents and disclosures (42 CFR Part 2)</h2>
      <div className="two-columns">
        <div>
          <h3>Consents</h3>
          {page.consents.length === 0 ? (
            <p className="empty-state">No consent recorded.</p>
          ) : (
            <ul className="consent-list">
              {page.consents.map((c) => (
                <li key={c.id} className={`consent consent--${c.state}`}>
                  <strong>{c.recipientName}</strong>{' '}
                  <span className={`state consent-state--${c.state}`}>{STATE_WORDS[c.state]}</span>
                  <div className="small">
                    {RECIPIENT_KINDS[c.recipientKind as RecipientKind]} · {c.purpose}
                  </div>
                  <div className="small muted">
                    May disclose: {c.information}. Signed {formatDate(c.signedOn)} by {c.signedBy};{' '}
                    {c.expiresOn ? `expires ${formatDate(c.expiresOn)}` : `ends: ${c.expiryEvent}`}
                    {c.revokedOn && `; revoked ${formatDate(c.revokedOn)} (${c.revocationNote})`}
                  </div>
                  {c.state !== 'revoked' && <RevokeForm consent={c} />}
                </li>
              ))}
            </ul>
          )}
          {adding ? (
            <ConsentForm page={page} onDone={() => setAdding(false)} />
          ) : (
            <button type="button" className="button" onClick={() => setAdding(true)}>
              Record a consent
            </button>
          )}
        </div>
        <HandOffForm page={page} />
      </div>
      <h3>Disclosure log</h3>
      {page.disclosures.length === 0 ? (
        <p className="empty-state">Nothing has been disclosed about this client.</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">To</th>
                <th scope="col">What</th>
                <th scope="col">Why</th>
                <th scope="col">By</th>
                <th scope="col">Consent</th>
              </tr>
            </thead>
            <tbody>
              {page.disclosures.map((d) => (
                <tr key={d.id}>
                  <td>{formatDate(d.disclosedOn)}</td>
                  <td>{d.recipientName}</td>
                  <td>{d.information}</td>
                  <td>{d.purpose}</td>
                  <td>{d.madeBy}</td>
                  <td>signed {formatDate(d.consentSignedOn)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <a className="button" href={`/export/disclosures.csv?clientId=${page.client.id}`} download>
        Download the disclosure log (CSV)
      </a>
    </section>
  );
}
