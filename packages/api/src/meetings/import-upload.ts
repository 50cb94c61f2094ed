import { z } from 'zod';
import { withAccess } from '../auth/require-access';
import type { Context } from '../context';
import { AppError } from '../errors';
import { type ImportProgress, importMeetingFeed } from './import-feed';

/**
 * The import behind `POST /import/meetings`: the same session and role checks as a procedure,
 * then the import itself, reporting progress as it goes so the page can draw a progress bar.
 * `text` is the uploaded file, or null to fetch the feed from its address.
 */
export async function meetingImportUpload(
  ctx: Context,
  sourceId: string,
  text: string | null,
  onProgress: (progress: ImportProgress) => void,
) {
  return withAccess(ctx, 'import.meetingFeed', async (staff) => {
    if (!z.uuid().safeParse(sourceId).success)
      throw new AppError('NOT_FOUND', 'No meeting feed with that link.');
    return importMeetingFeed(ctx, staff, { sourceId, text }, onProgress);
  });
}
