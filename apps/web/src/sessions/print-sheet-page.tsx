import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { errorInfo } from '../lib/errors';
import { formatDateTime } from '../lib/format';
import { usePageTitle } from '../lib/use-page-title';
import { useTRPC } from '../trpc';

const BLANK_ROWS = 6;

/**
 * A paper sign-in sheet for a room without a tablet: preferred names and last initials only, and
 * boxes to tick. What is ticked is then entered on the session screen.
 */
export function PrintSheetPage() {
  const { sessionId = '' } = useParams();
  const trpc = useTRPC();
  const view = useQuery(trpc.sessions.get.queryOptions({ sessionId }));
  usePageTitle('Sign-in sheet');
  if (view.isPending) return <p role="status">Loading the sheet…</p>;
  if (view.isError) {
    return (
      <p className="alert" role="alert">
        {errorInfo(view.error).message}
      </p>
    );
  }
  const { session, people, timeZone } = view.data;
  return (
    <div className="print-sheet">
      <div className="no-print toolbar">
        <button type="button" className="button button--primary" onClick={() => window.print()}>
          Print
        </button>
        <Link to={`/sessions/${session.id}`}>Back to the session</Link>
      </div>
      <h1>{session.groupName}: sign-in sheet</h1>
      <p>
        {formatDateTime(session.startsAt, timeZone)} · {session.durationMinutes} minutes
        {session.room ? ` · ${session.room}` : ''}
      </p>
      <table className="sheet">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Present</th>
            <th scope="col">Late (min)</th>
            <th scope="col">Left early (min)</th>
            <th scope="col">Absent</th>
            <th scope="col">Shared</th>
            <th scope="col">Engagement 1–5</th>
          </tr>
        </thead>
        <tbody>
          {[...people.map((p) => p.name), ...Array.from({ length: BLANK_ROWS }, () => '')].map(
            (name, i) => (
              <tr key={`${name}-${i}`}>
                <td>{name}</td>
                <td className="box" />
                <td className="box" />
                <td className="box" />
                <td className="box" />
                <td className="box" />
                <td className="box" />
              </tr>
            ),
          )}
        </tbody>
      </table>
      <p className="sheet-foot">
        Monitor’s signature: ______________________ Blank rows are for walk-ins. Confidential: group
        members’ names are not to be shared outside the group.
      </p>
    </div>
  );
}
