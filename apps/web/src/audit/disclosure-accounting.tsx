import { useQuery } from '@tanstack/react-query';
import { errorInfo } from '../lib/errors';
import { formatDate } from '../lib/format';
import { useTRPC } from '../trpc';

/** A client's accounting of disclosures: every disclosure made under their consent. */
export function DisclosureAccounting({ clientId }: { clientId: string }) {
  const trpc = useTRPC();
  const accounting = useQuery(trpc.audit.disclosureAccounting.queryOptions({ clientId }));
  if (accounting.isPending) return <p role="status">Loading disclosures…</p>;
  if (accounting.isError) {
    return (
      <p className="alert" role="alert">
        {errorInfo(accounting.error).message}
      </p>
    );
  }
  const { client, disclosures } = accounting.data;
  return (
    <section aria-labelledby="disclosures-title">
      <h3 id="disclosures-title">Disclosures of {client.name}’s records (42 CFR Part 2)</h3>
      {disclosures.length === 0 ? (
        <p>No disclosures have been made.</p>
      ) : (
        <>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Disclosed to</th>
                <th scope="col">Information</th>
                <th scope="col">Purpose</th>
                <th scope="col">Made by</th>
                <th scope="col">Consent signed</th>
              </tr>
            </thead>
            <tbody>
              {disclosures.map((d) => (
                <tr key={d.id}>
                  <td>{formatDate(d.disclosedOn)}</td>
                  <td>{d.recipientName}</td>
                  <td>{d.information}</td>
                  <td>{d.purpose}</td>
                  <td>{d.madeBy}</td>
                  <td>{formatDate(d.consentSignedOn)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <a className="button" href={`/export/disclosures.csv?clientId=${client.id}`} download>
            Download the accounting (CSV)
          </a>
        </>
      )}
    </section>
  );
}
