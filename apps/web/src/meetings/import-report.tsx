import type { FeedFix, SkippedRow } from '@homegroup/core';
import { useEffect, useId, useRef } from 'react';
import { type ImportStep, stepWords } from './feed-import';
import { count, plural } from './meeting-format';

/** Skipped rows listed in full up to this many; the rest are counted. */
const SHOWN_SKIPS = 200;

export interface ReportData {
  sourceName: string;
  rowCount: number | null;
  imported: number;
  updated: number;
  unchanged: number;
  retired: number;
  skipped: number;
  skippedRows: SkippedRow[];
  fixes: FeedFix[];
  finishedAt: string | null;
}

/** "Imported 123 · Updated 0 · Unchanged 0 · Retired 0 · Skipped 9" */
export function countsLine(
  r: Pick<ReportData, 'imported' | 'updated' | 'unchanged' | 'retired' | 'skipped'>,
) {
  return [
    `Imported ${count(r.imported)}`,
    `Updated ${count(r.updated)}`,
    `Unchanged ${count(r.unchanged)}`,
    `Retired ${count(r.retired)}`,
    `Skipped ${count(r.skipped)}`,
  ].join(' · ');
}

/** The words and bar shown while a feed imports. */
export function ImportProgressPanel({
  sourceName,
  fileName,
  fileSize,
  step,
}: {
  sourceName: string;
  fileName: string | null;
  fileSize: number | null;
  step: ImportStep;
}) {
  const id = useId();
  const words = stepWords(step, fileSize);
  const measured = step.phase === 'saving' && step.total > 0;
  return (
    <section className="panel import-progress" aria-labelledby={`${id}-title`} aria-busy="true">
      <h3 id={`${id}-title`}>
        Importing “{sourceName}”{fileName ? ` from ${fileName}` : ' from its address'}
      </h3>
      <p id={`${id}-words`} className="import-progress__words" role="status">
        {words}
      </p>
      {measured ? (
        <progress aria-labelledby={`${id}-words`} max={step.total} value={step.done} />
      ) : (
        <progress aria-labelledby={`${id}-words`} />
      )}
      <p className="muted small">
        Keep this page open until it finishes. If anything goes wrong, the directory stays as it
        was.
      </p>
    </section>
  );
}

/** What an import did: the counts, every skipped row (up to 200) and the repairs made. */
export function ImportReportPanel({
  report,
  title,
  onClose,
}: {
  report: ReportData;
  title: string;
  onClose: () => void;
}) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const shown = report.skippedRows.slice(0, SHOWN_SKIPS);
  const more = report.skipped - shown.length;
  return (
    <section className="panel import-report" aria-labelledby={`${id}-title`}>
      <div className="import-report__head">
        <h3 id={`${id}-title`} ref={heading} tabIndex={-1}>
          {title}
        </h3>
        <button type="button" className="button" onClick={onClose}>
          Close the report
        </button>
      </div>
      <p className="import-report__counts">{countsLine(report)}</p>
      <p className="muted">
        {report.rowCount !== null && <>The feed had {plural(report.rowCount, 'row')}. </>}
        {report.retired > 0 &&
          `${plural(report.retired, 'meeting')} no longer in the feed ${report.retired === 1 ? 'was' : 'were'} retired from the search. `}
        {report.skipped === 0
          ? 'No row was skipped.'
          : 'Skipped rows were left out; correct them in the feed and import it again.'}
      </p>

      {report.fixes.length > 0 && (
        <>
          <h4>Repairs made</h4>
          <ul className="import-report__fixes">
            {report.fixes.map((f) => (
              <li key={f.code}>
                {f.description} <span className="muted">({plural(f.count, 'row')})</span>
              </li>
            ))}
          </ul>
        </>
      )}

      {report.skipped > 0 && (
        <>
          <h4>Skipped rows ({count(report.skipped)})</h4>
          <div className="table-scroll import-report__skips">
            <table className="table table--compact">
              <thead>
                <tr>
                  <th scope="col">Row</th>
                  <th scope="col">Slug</th>
                  <th scope="col">Name</th>
                  <th scope="col">Reason</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((s, i) => (
                  <tr key={`${s.row}-${i}`}>
                    <td>{count(s.row)}</td>
                    <td>{s.slug ?? <span className="muted">none</span>}</td>
                    <td>{s.name ?? <span className="muted">none</span>}</td>
                    <td>{s.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {more > 0 && <p className="muted">… and {plural(more, 'more skipped row')}.</p>}
        </>
      )}
    </section>
  );
}
