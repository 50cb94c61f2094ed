import { z } from 'zod';

/** The one paging contract of every list procedure: `{ page, pageSize }` in, `{ rows, rowCount }` out. */
export const pageInput = {
  page: z
    .number({ error: 'Page must be a whole number.' })
    .int('Page must be a whole number.')
    .min(1, 'Page numbers start at 1.')
    .max(100_000, 'That page is past the end of any list.')
    .default(1),
  pageSize: z
    .number({ error: 'Page size must be a whole number.' })
    .int('Page size must be a whole number.')
    .min(1, 'Show at least 1 row per page.')
    .max(100, 'Show at most 100 rows per page.')
    .default(25),
};

export interface Page<Row> {
  rows: Row[];
  rowCount: number;
}
