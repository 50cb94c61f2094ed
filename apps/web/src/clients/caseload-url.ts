import { caseloadSearchParams } from '@homegroup/validators';

export type CaseloadView = ReturnType<typeof readCaseloadUrl>;

/**
 * The caseload's state read from the address bar, with anything unreadable replaced by its
 * default; a counselor sees their own clients unless the address says otherwise.
 */
export function readCaseloadUrl(params: URLSearchParams, role: string) {
  const raw = Object.fromEntries(params.entries());
  const view = caseloadSearchParams.parse(raw);
  return {
    ...view,
    counselor: view.counselor ?? (role === 'counselor' ? 'mine' : 'all'),
    search: view.search || undefined,
  };
}

/** The address for a view: only what differs from the defaults, so links stay short. */
export function writeCaseloadUrl(view: CaseloadView, role: string): URLSearchParams {
  const defaults = readCaseloadUrl(new URLSearchParams(), role);
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(view)) {
    if (value === undefined || value === '' || value === defaults[key as keyof CaseloadView])
      continue;
    params.set(key, String(value));
  }
  return params;
}

/** The filters of a view, for the CSV download: the same rows and order, without the page. */
export function exportQuery(view: CaseloadView): string {
  const params = new URLSearchParams();
  for (const key of [
    'sort',
    'direction',
    'search',
    'counselor',
    'levelOfCare',
    'flag',
    'status',
  ] as const) {
    const value = view[key];
    if (value) params.set(key, String(value));
  }
  return params.toString();
}
