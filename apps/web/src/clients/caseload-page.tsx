import type { RouterOutputs } from '@homegroup/api';
import {
  CASELOAD_COLUMNS,
  type CaseloadRow,
  FLAG_RULES,
  LEVELS_OF_CARE,
  percentText,
  trendText,
} from '@homegroup/core';
import { CASELOAD_SORTS, type CaseloadSort } from '@homegroup/validators';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  createColumnHelper,
  functionalUpdate,
  type OnChangeFn,
  type PaginationState,
  rowPaginationFeature,
  rowSortingFeature,
  type SortingState,
  tableFeatures,
  useTable,
} from '@tanstack/react-table';
import { useEffect, useId, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useCurrentStaff } from '../auth/use-current-staff';
import { Pager } from '../components/pager';
import { errorInfo } from '../lib/errors';
import { formatDate, formatShortDate } from '../lib/format';
import { usePageTitle } from '../lib/use-page-title';
import { useTRPC } from '../trpc';
import { type CaseloadView, exportQuery, readCaseloadUrl, writeCaseloadUrl } from './caseload-url';
import { FlagChip } from './flag-chip';

const features = tableFeatures({ rowSortingFeature, rowPaginationFeature });
const helper = createColumnHelper<typeof features, CaseloadRow>();
const textOf = (key: string) => CASELOAD_COLUMNS.find((c) => c.key === key)?.text ?? (() => '');
const ratioTitle = (what: string, n: number, d: number) =>
  d === 0 ? `No ${what} in the last 14 days` : `${n} of ${d} ${what}`;

/** The table's columns; the header and text of each come from the same list as the CSV. */
const columns = helper.columns([
  helper.accessor('name', {
    id: 'name',
    header: 'Name',
    cell: ({ row }) => (
      <>
        <Link to={`/clients/${row.original.clientId}`}>{row.original.name}</Link>
        <div className="muted small">{row.original.recordNumber}</div>
      </>
    ),
  }),
  helper.accessor('counselorName', {
    id: 'counselor',
    header: 'Counselor',
    cell: (i) => textOf('counselor')(i.row.original),
  }),
  helper.accessor('levelOfCare', {
    id: 'levelOfCare',
    header: 'Level of care',
    cell: (i) => <span title={textOf('levelOfCare')(i.row.original)}>{i.getValue() ?? '—'}</span>,
  }),
  helper.accessor('daysInTreatment', {
    id: 'daysInTreatment',
    header: 'Days in treatment',
    cell: (i) => i.getValue(),
  }),
  helper.accessor((r) => r.attendance.value, {
    id: 'attendanceRate',
    header: 'Attendance, 14 days',
    cell: ({ row }) => {
      const a = row.original.attendance;
      return (
        <span title={ratioTitle('sessions expected', a.numerator, a.denominator)}>
          {percentText(a)}
          {a.value !== null && (
            <span className="muted small">
              {' '}
              {a.numerator}/{a.denominator}
            </span>
          )}
        </span>
      );
    },
  }),
  helper.accessor((r) => r.participation.value, {
    id: 'participationRate',
    header: 'Shared',
    cell: ({ row }) => {
      const p = row.original.participation;
      return (
        <span
          title={ratioTitle('sessions attended with sharing recorded', p.numerator, p.denominator)}
        >
          {percentText(p)}
        </span>
      );
    },
  }),
  helper.accessor((r) => r.engagement.value, {
    id: 'meanEngagement',
    header: 'Engagement',
    cell: ({ row }) => {
      const e = row.original.engagement;
      return (
        <span
          title={
            e.denominator === 0
              ? 'No ratings in the last 14 days'
              : `Mean of ${e.denominator} ratings, 1 to 5`
          }
        >
          {e.value === null ? '—' : e.value.toFixed(1)}
        </span>
      );
    },
  }),
  helper.accessor('engagementTrend', {
    id: 'engagementTrend',
    header: 'Trend',
    cell: (i) => {
      const v = i.getValue();
      return (
        <span
          className={v !== null && v <= -1 ? 'trend trend--down' : 'trend'}
          title={trendText(v)}
        >
          <span aria-hidden="true">
            {v === null
              ? '—'
              : v < 0
                ? `▼ ${Math.abs(v).toFixed(1)}`
                : v > 0
                  ? `▲ ${v.toFixed(1)}`
                  : '→ 0.0'}
          </span>
          <span className="visually-hidden">{trendText(v)}</span>
        </span>
      );
    },
  }),
  helper.accessor('lastAttended', {
    id: 'lastAttended',
    header: 'Last attended',
    cell: (i) => {
      const d = i.getValue();
      return d ? <span title={formatDate(d)}>{formatShortDate(d)}</span> : 'Never';
    },
  }),
  helper.accessor('daysSober', {
    id: 'daysSober',
    header: 'Days sober',
    cell: (i) => i.getValue() ?? '—',
  }),
  helper.accessor((r) => r.flags.length, {
    id: 'flags',
    header: 'Flags',
    cell: ({ row }) =>
      row.original.flags.length === 0 ? (
        <span className="muted">None</span>
      ) : (
        <span className="flag-list">
          {row.original.flags.map((f) => (
            <FlagChip key={f.rule} rule={f.rule} acknowledged={f.acknowledged} />
          ))}
        </span>
      ),
  }),
]);

type Caseload = RouterOutputs['clients']['caseload'];
const EMPTY: CaseloadRow[] = [];

export function CaseloadPage() {
  const staff = useCurrentStaff();
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => readCaseloadUrl(params, staff.role), [params, staff.role]);
  usePageTitle(view.counselor === 'mine' ? 'My caseload' : 'Caseload');
  const update = (changes: Partial<CaseloadView>, resetPage = true) =>
    setParams(
      writeCaseloadUrl({ ...view, ...(resetPage ? { page: 1 } : {}), ...changes }, staff.role),
    );

  const [typed, setTyped] = useState(view.search ?? '');
  // Search after a short pause in typing; the search is kept in the address like every filter.
  useEffect(() => {
    const handle = window.setTimeout(() => {
      if ((typed.trim() || undefined) !== view.search)
        update({ search: typed.trim() || undefined });
    }, 300);
    return () => window.clearTimeout(handle);
  });

  const counselors = useQuery(trpc.clients.counselors.queryOptions());
  const list = useQuery({
    ...trpc.clients.caseload.queryOptions(view),
    placeholderData: keepPreviousData,
  });
  const data: Caseload | undefined = list.data;

  const sorting: SortingState = [{ id: view.sort, desc: view.direction === 'desc' }];
  const pagination: PaginationState = { pageIndex: view.page - 1, pageSize: view.pageSize };
  const onSortingChange: OnChangeFn<SortingState> = (updater) => {
    const next = functionalUpdate(updater, sorting)[0];
    const sort = (CASELOAD_SORTS as readonly string[]).includes(next?.id ?? '')
      ? (next?.id as CaseloadSort)
      : 'name';
    update({ sort, direction: next?.desc ? 'desc' : 'asc' });
  };
  const onPaginationChange: OnChangeFn<PaginationState> = (updater) => {
    const next = functionalUpdate(updater, pagination);
    update({ page: next.pageIndex + 1, pageSize: next.pageSize }, false);
  };
  const table = useTable({
    features,
    columns,
    data: data?.rows ?? EMPTY,
    getRowId: (row) => row.clientId,
    state: { sorting, pagination },
    onSortingChange,
    onPaginationChange,
    manualSorting: true,
    manualPagination: true,
    rowCount: data?.rowCount ?? 0,
    enableMultiSort: false,
    enableSortingRemoval: false,
    // Every column sorts lowest first on the first click: the clients most at risk come first.
    sortDescFirst: false,
  });

  const ids = {
    search: useId(),
    counselor: useId(),
    level: useId(),
    flag: useId(),
    status: useId(),
  };
  const pages = table.getPageCount();

  return (
    <>
      <h1>{view.counselor === 'mine' ? 'My caseload' : 'Caseload'}</h1>
      <p className="lead">
        Engagement over the last 14 days, as of {data ? formatDate(data.asOf) : 'today'}. Flags say
        who may be drifting and why; open a client to see their charts.
      </p>
      <search className="filters" aria-label="Filter the caseload">
        <div className="field">
          <label htmlFor={ids.search}>Name or record</label>
          <input
            id={ids.search}
            type="search"
            value={typed}
            maxLength={100}
            onChange={(e) => setTyped(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.counselor}>Counselor</label>
          <select
            id={ids.counselor}
            value={view.counselor}
            onChange={(e) => update({ counselor: e.target.value })}
          >
            <option value="mine">My clients</option>
            <option value="all">Everyone</option>
            <option value="none">No counselor assigned</option>
            {counselors.data?.map((c) => (
              <option key={c.id} value={c.id}>
                {c.displayName}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.level}>Level of care</label>
          <select
            id={ids.level}
            value={view.levelOfCare ?? ''}
            onChange={(e) =>
              update({ levelOfCare: (e.target.value || undefined) as CaseloadView['levelOfCare'] })
            }
          >
            <option value="">Any</option>
            {Object.entries(LEVELS_OF_CARE).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.flag}>Flag</label>
          <select
            id={ids.flag}
            value={view.flag ?? ''}
            onChange={(e) =>
              update({ flag: (e.target.value || undefined) as CaseloadView['flag'] })
            }
          >
            <option value="">Any or none</option>
            <option value="any">Any flag</option>
            <option value="unacknowledged">Needs attention (not acknowledged)</option>
            {Object.entries(FLAG_RULES).map(([rule, label]) => (
              <option key={rule} value={rule}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.status}>Status</label>
          <select
            id={ids.status}
            value={view.status}
            onChange={(e) => update({ status: e.target.value as CaseloadView['status'] })}
          >
            <option value="in_treatment">In treatment</option>
            <option value="alumni">Alumni</option>
            <option value="all">Everyone</option>
          </select>
        </div>
        <div className="filters__actions">
          <a className="button" href={`/export/caseload.csv?${exportQuery(view)}`} download>
            Download CSV
          </a>
          <Link className="button button--primary" to="/clients/new">
            Admit a client
          </Link>
        </div>
      </search>

      {list.isError && (
        <p className="alert" role="alert">
          {errorInfo(list.error).message}
        </p>
      )}
      {list.isPending && <p role="status">Loading the caseload…</p>}
      {data && data.rowCount === 0 && (
        <p className="empty-state">
          {view.search || view.flag || view.levelOfCare
            ? 'No client matches these filters.'
            : view.counselor === 'mine'
              ? 'No clients are assigned to you with this status.'
              : 'No clients with this status.'}
        </p>
      )}
      {data && data.rowCount > 0 && (
        <>
          <div className="table-scroll">
            <table className="table table--caseload" aria-busy={list.isFetching}>
              <caption className="visually-hidden">
                Caseload, sorted by{' '}
                {CASELOAD_COLUMNS.find((c) => c.key === view.sort)?.header ?? view.sort}, page{' '}
                {view.page} of {pages}
              </caption>
              <thead>
                {table.getHeaderGroups().map((group) => (
                  <tr key={group.id}>
                    {group.headers.map((header) => {
                      const sorted = header.column.getIsSorted();
                      return (
                        <th
                          key={header.id}
                          scope="col"
                          aria-sort={
                            sorted === 'asc'
                              ? 'ascending'
                              : sorted === 'desc'
                                ? 'descending'
                                : 'none'
                          }
                        >
                          <button
                            type="button"
                            className="sort-button"
                            onClick={header.column.getToggleSortingHandler()}
                          >
                            <table.FlexRender header={header} />
                            <span aria-hidden="true">
                              {sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}
                            </span>
                          </button>
                        </th>
                      );
                    })}
                  </tr>
                ))}
              </thead>
              <tbody>
                {table.getRowModel().rows.map((row) => (
                  <tr
                    key={row.id}
                    className={
                      row.original.flags.some((f) => !f.acknowledged) ? 'row--flagged' : undefined
                    }
                  >
                    {row.getAllCells().map((cell) => (
                      <td key={cell.id}>
                        <table.FlexRender cell={cell} />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager
            page={view.page}
            pages={pages}
            summary={`${data.rowCount} clients`}
            onPage={(page) => table.setPageIndex(page - 1)}
          />
        </>
      )}
    </>
  );
}
