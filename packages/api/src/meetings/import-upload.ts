import { z } from 'zod';
import { resolveSession } from '../auth/resolve-session';
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
  const staff = await resolveSession(ctx);
  if (staff.role !== 'admin' && staff.role !== 'alumni_coordinator') {
    throw new AppError(
      'FORBIDDEN',
      'Only alumni coordinators and clinical directors can import meeting feeds.',
    );
  }
  if (!z.uuid().safeParse(sourceId).success)
    throw new AppError('NOT_FOUND', 'No meeting feed with that link.');
  return importMeetingFeed(ctx, staff, { sourceId, text }, onProgress);
}
