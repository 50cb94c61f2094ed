import type { RouterOutputs } from '@homegroup/api';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ChangeEvent, useEffect, useRef, useState } from 'react';
import { useCurrentStaff } from '../auth/use-current-staff';
import { errorInfo } from '../lib/errors';
import { formatDateTime } from '../lib/format';
import { useTRPC } from '../trpc';
import { AddFeedForm } from './add-feed-form';
import { type ImportStep, importFeed, MAX_UPLOAD_BYTES, sizeWords } from './feed-import';
import { ImportProgressPanel, ImportReportPanel, type ReportData } from './import-report';
import { ManualMeetingForm } from './manual-meeting-form';
import { count, fellowshipName, fellowshipShort, SOURCE_KINDS } from './meeting-format';

type Source = RouterOutputs['meetings']['sources'][number];

interface Running {
  sourceId: string;
  sourceName: string;
  fileName: string | null;
  fileSize: number | null;
  step: ImportStep;
}

type Finished =
  | { kind: 'report'; title: string; report: ReportData }
  | { kind: 'failed'; sourceName: string; message: string; certain: boolean };

const LEFT_AS_IT_WAS =
  'The directory was left as it was: the meetings already listed are unchanged.';

/** "2,500 new · 9 skipped": the parts of an import that are not zero. */
export function importSummary(run: {
  imported: number;
  updated: number;
  unchanged: number;
  retired: number;
  skipped: number;
}): string {
  const parts = [
    [run.imported, 'new'],
    [run.updated, 'updated'],
    [run.unchanged, 'unchanged'],
    [run.retired, 'retired'],
    [run.skipped, 'skipped'],
  ] as const;
  const said = parts.filter(([n]) => n > 0).map(([n, what]) => `${count(n)} ${what}`);
  return said.length === 0 ? 'the feed held no meetings' : said.join(' · ');
}

function LatestResult({
  source,
  timeZone,
  onShowReport,
}: {
  source: Source;
  timeZone: string;
  onShowReport: (importId: string) => void;
}) {
  const run = source.latestImport;
  if (source.kind === 'manual') return <span className="muted">Entered one by one</span>;
  if (!run) return <span className="muted">Not imported yet</span>;
  if (run.status === 'running') {
    return <span>Importing now (started {formatDateTime(run.startedAt, timeZone)})</span>;
  }
  if (run.status === 'failed') {
    return (
      <span className="feed-result feed-result--failed">
        <strong>Failed:</strong> {run.error ?? 'no reason was recorded.'}
        <span className="small feed-result__when">
          Tried {formatDateTime(run.finishedAt ?? run.startedAt, timeZone)}.{' '}
          {source.lastImportedAt
            ? 'The meetings from the last good import are still listed.'
            : 'Nothing from this feed is listed yet.'}
        </span>
      </span>
    );
  }
  return (
    <span className="feed-result">
      Succeeded: {importSummary(run)}{' '}
      <button type="button" className="link-button" onClick={() => onShowReport(run.id)}>
        Show the report
      </button>
    </span>
  );
}

/** The feeds the directory is built from, their imports, and the forms to add feeds and meetings. */
export function FeedsSection() {
  const staff = useCurrentStaff();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const sources = useQuery(trpc.meetings.sources.queryOptions());
  const [running, setRunning] = useState<Running | null>(null);
  const [finished, setFinished] = useState<Finished | null>(null);
  const [reportId, setReportId] = useState<string | null>(null);
  const [added, setAdded] = useState<{ id: string; name: string } | null>(null);
  const [addOpen, setAddOpen] = useState(false);
  const timeZone = staff.facility.timeZone;
  // With no feed yet, the form to add one starts open.
  const openedOnce = useRef(false);
  const noFeeds = sources.data !== undefined && sources.data.length === 0;
  useEffect(() => {
    if (noFeeds && !openedOnce.current) {
      openedOnce.current = true;
      setAddOpen(true);
    }
  }, [noFeeds]);

  const savedReport = useQuery({
    ...trpc.meetings.importReport.queryOptions({ importId: reportId ?? '' }),
    enabled: reportId !== null,
  });

  const refreshAll = () => queryClient.invalidateQueries({ queryKey: trpc.meetings.pathKey() });

  const start = async (source: Source, file: File | null) => {
    if (running) return;
    setFinished(null);
    setReportId(null);
    setAdded(null);
    if (file && file.size > MAX_UPLOAD_BYTES) {
      setFinished({
        kind: 'failed',
        sourceName: source.name,
        message: `${file.name} is ${sizeWords(file.size)}; the largest file Homegroup takes is 64 MB.`,
        certain: true,
      });
      return;
    }
    const base = {
      sourceId: source.id,
      sourceName: source.name,
      fileName: file?.name ?? null,
      fileSize: file?.size ?? null,
    };
    setRunning({ ...base, step: { phase: file ? 'sending' : 'fetching', done: 0, total: 0 } });
    let text: string | null = null;
    if (file) {
      try {
        text = await file.text();
      } catch {
        setRunning(null);
        setFinished({
          kind: 'failed',
          sourceName: source.name,
          message: `${file.name} could not be read on this computer. Choose the file again.`,
          certain: true,
        });
        return;
      }
      if (text.trim() === '') {
        setRunning(null);
        setFinished({
          kind: 'failed',
          sourceName: source.name,
          message: `${file.name} is empty.`,
          certain: true,
        });
        return;
      }
    }
    const outcome = await importFeed(source.id, text, (step) =>
      setRunning((r) => (r ? { ...r, step } : r)),
    );
    setRunning(null);
    if (outcome.ok) {
      setFinished({
        kind: 'report',
        title: `“${outcome.report.sourceName}” imported`,
        report: outcome.report,
      });
    } else {
      setFinished({
        kind: 'failed',
        sourceName: source.name,
        message: outcome.message,
        certain: outcome.code !== null,
      });
    }
    await refreshAll();
  };

  const onFile = (source: Source) => (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0] ?? null;
    // Clear the input, so choosing the same file again imports it again.
    e.target.value = '';
    if (file) void start(source, file);
  };

  const list = sources.data ?? [];
  const busy = running !== null;
  const shownReport: { title: string; report: ReportData } | null =
    finished?.kind === 'report'
      ? finished
      : reportId && savedReport.data
        ? {
            title: `Latest import of “${savedReport.data.sourceName}”`,
            report: savedReport.data,
          }
        : null;

  return (
    <section aria-labelledby="feeds-title" className="meeting-feeds">
      <h2 id="feeds-title">Feeds</h2>
      <p className="muted">
        The directory is built from these feeds. Importing a feed again updates its meetings; a
        meeting missing from the new file is retired from the search. Nothing changes if an import
        fails.
      </p>
      {sources.isError && (
        <p className="alert" role="alert">
          {errorInfo(sources.error).message}
        </p>
      )}
      {sources.isPending && <p role="status">Loading the feeds…</p>}
      {sources.data && list.length === 0 && (
        <p className="empty-state">
          No feeds yet. Add one below: a Meeting Guide file or address, or a BMLT server.
        </p>
      )}
      {added && (
        <p className="notice" role="status">
          Added “{added.name}”. Now import its meetings with “Import a file…” in its row.
        </p>
      )}
      {list.length > 0 && (
        <div className="table-scroll">
          <table className="table table--feeds">
            <caption className="visually-hidden">Meeting feeds</caption>
            <thead>
              <tr>
                <th scope="col">Feed</th>
                <th scope="col">Fellowship</th>
                <th scope="col">Comes from</th>
                <th scope="col">Meetings</th>
                <th scope="col">Last imported</th>
                <th scope="col">Latest result</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((s) => (
                <tr key={s.id} className={added?.id === s.id ? 'row--new' : undefined}>
                  <th scope="row" className="feed-name">
                    {s.name}
                  </th>
                  <td>
                    {s.kind === 'manual' ? (
                      <span className="muted">Any</span>
                    ) : (
                      <span title={fellowshipName(s.fellowship)}>
                        {fellowshipShort(s.fellowship)}
                      </span>
                    )}
                  </td>
                  <td>
                    {SOURCE_KINDS[s.kind] ?? s.kind}
                    {s.url && (
                      <div className="muted small feed-url" title={s.url}>
                        {s.url}
                      </div>
                    )}
                  </td>
                  <td>{count(s.meetingCount)}</td>
                  <td className="nowrap">
                    {s.kind === 'manual'
                      ? '—'
                      : s.lastImportedAt
                        ? formatDateTime(s.lastImportedAt, timeZone)
                        : 'Never'}
                  </td>
                  <td>
                    <LatestResult
                      source={s}
                      timeZone={timeZone}
                      onShowReport={(importId) => {
                        setFinished(null);
                        setReportId(importId);
                      }}
                    />
                  </td>
                  <td>
                    {s.kind === 'manual' ? (
                      <span className="muted small">Use “Add a meeting by hand” below</span>
                    ) : (
                      <div className="feed-actions">
                        <label
                          className={`button file-button${busy ? ' file-button--disabled' : ''}`}
                        >
                          Import a file…
                          <input
                            type="file"
                            accept=".json,application/json"
                            className="visually-hidden"
                            aria-label={`Import a file… into ${s.name}`}
                            disabled={busy}
                            onChange={onFile(s)}
                          />
                        </label>
                        {s.url && (
                          <button
                            type="button"
                            className="button"
                            disabled={busy}
                            onClick={() => void start(s, null)}
                          >
                            Refresh from address
                          </button>
                        )}
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {running && (
        <ImportProgressPanel
          sourceName={running.sourceName}
          fileName={running.fileName}
          fileSize={running.fileSize}
          step={running.step}
        />
      )}
      {finished?.kind === 'failed' && (
        <div className="alert import-failed" role="alert">
          <p className="import-failed__line">
            <strong>The import of “{finished.sourceName}” failed.</strong> {finished.message}
          </p>
          {finished.certain && !/left as it was/i.test(finished.message) && <p>{LEFT_AS_IT_WAS}</p>}
          <button type="button" className="link-button" onClick={() => setFinished(null)}>
            Dismiss
          </button>
        </div>
      )}
      {reportId && savedReport.isPending && <p role="status">Loading the report…</p>}
      {reportId && savedReport.isError && (
        <p className="alert" role="alert">
          {errorInfo(savedReport.error).message}
        </p>
      )}
      {shownReport && (
        <ImportReportPanel
          key={shownReport.title}
          title={shownReport.title}
          report={shownReport.report}
          onClose={() => {
            setFinished(null);
            setReportId(null);
          }}
        />
      )}

      <details className="panel" open={addOpen} onToggle={(e) => setAddOpen(e.currentTarget.open)}>
        <summary>Add a feed</summary>
        <AddFeedForm
          facilityTimeZone={timeZone}
          onAdded={async (id, name) => {
            setAdded({ id, name });
            setFinished(null);
            setReportId(null);
            setAddOpen(false);
            await refreshAll();
          }}
        />
      </details>
      <details className="panel">
        <summary>Add a meeting by hand</summary>
        <p className="muted">
          For a meeting no feed lists. It is kept in the feed “Entered by hand”.
        </p>
        <ManualMeetingForm onSaved={refreshAll} />
      </details>
    </section>
  );
}
