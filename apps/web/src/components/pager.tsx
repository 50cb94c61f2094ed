/** Previous / next paging for a server-paged list, with where the reader is. */
export function Pager({
  page,
  pages,
  summary,
  label = 'Pages',
  onPage,
}: {
  page: number;
  pages: number;
  /** Said after "Page 2 of 5", e.g. "321 meetings". */
  summary?: string;
  label?: string;
  onPage: (page: number) => void;
}) {
  return (
    <nav className="pager" aria-label={label}>
      <button
        type="button"
        className="button"
        disabled={page <= 1}
        onClick={() => onPage(page - 1)}
      >
        Previous
      </button>
      <span>
        Page {page} of {pages}
        {summary ? ` · ${summary}` : ''}
      </span>
      <button
        type="button"
        className="button"
        disabled={page >= pages}
        onClick={() => onPage(page + 1)}
      >
        Next
      </button>
    </nav>
  );
}
