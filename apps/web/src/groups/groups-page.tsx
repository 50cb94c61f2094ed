import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useCurrentStaff } from '../auth/use-current-staff';
import { errorInfo } from '../lib/errors';
import { usePageTitle } from '../lib/use-page-title';
import { useTRPC } from '../trpc';

export function GroupsPage() {
  usePageTitle('Groups & attendance');
  const staff = useCurrentStaff();
  const trpc = useTRPC();
  const groups = useQuery(trpc.groups.list.queryOptions());
  const canManage = staff.role === 'admin' || staff.role === 'counselor';

  return (
    <>
      <div className="page-head">
        <div>
          <h1>Groups & attendance</h1>
          <p className="lead">
            The groups run at {staff.facility.name}, when they meet and who monitors them.
          </p>
        </div>
        {canManage && (
          <Link className="button button--primary" to="/groups/new">
            New group
          </Link>
        )}
      </div>
      {groups.isPending && <p role="status">Loading groups…</p>}
      {groups.isError && (
        <p className="alert" role="alert">
          {errorInfo(groups.error).message}
        </p>
      )}
      {groups.data?.length === 0 && (
        <p className="empty-state">
          No groups at this facility yet.{canManage ? ' Start with “New group”.' : ''}
        </p>
      )}
      {groups.data && groups.data.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Group</th>
              <th scope="col">Kind</th>
              <th scope="col">Meets</th>
              <th scope="col">Monitor</th>
              <th scope="col">Enrolled</th>
            </tr>
          </thead>
          <tbody>
            {groups.data.map((g) => (
              <tr key={g.id}>
                <td>
                  <Link to={`/groups/${g.id}`}>{g.name}</Link>
                  {g.enrolment === 'closed' && <span className="tag">Closed</span>}
                </td>
                <td>{g.kindLabel}</td>
                <td className="nowrap">{g.schedule}</td>
                <td>{g.monitorName}</td>
                <td className="nowrap">
                  {g.enrolled}
                  {g.capacity ? ` of ${g.capacity}` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
