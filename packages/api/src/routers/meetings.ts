import {
  manualMeetingInput,
  meetingSearchInput,
  meetingSourceInput,
  placeSearchInput,
} from '@homegroup/validators';
import { z } from 'zod';
import { findPlaces } from '../meetings/places';
import { saveManualMeeting } from '../meetings/save-meeting';
import { searchMeetings } from '../meetings/search-meetings';
import {
  createMeetingSource,
  listMeetingSources,
  meetingFilterOptions,
  meetingImportReport,
} from '../meetings/sources';
import { allow, router } from '../trpc';

/** The directory holds public meeting listings, no client data: every clinical role may search it. */
const readers = allow('admin', 'alumni_coordinator', 'counselor');
const keepers = allow('admin', 'alumni_coordinator');

export const meetingsRouter = router({
  search: readers
    .input(meetingSearchInput)
    .query(({ ctx, input }) => searchMeetings(ctx, ctx.staff, input)),
  filterOptions: readers.query(({ ctx }) => meetingFilterOptions(ctx, ctx.staff)),
  places: readers
    .input(placeSearchInput)
    .query(({ ctx, input }) => findPlaces(ctx, ctx.staff, input.text)),
  sources: keepers.query(({ ctx }) => listMeetingSources(ctx, ctx.staff)),
  createSource: keepers
    .input(meetingSourceInput)
    .mutation(({ ctx, input }) => createMeetingSource(ctx, ctx.staff, input)),
  importReport: keepers
    .input(z.object({ importId: z.uuid({ error: 'That is not an import link Homegroup made.' }) }))
    .query(({ ctx, input }) => meetingImportReport(ctx, ctx.staff, input.importId)),
  saveManual: keepers
    .input(manualMeetingInput)
    .mutation(({ ctx, input }) => saveManualMeeting(ctx, ctx.staff, input)),
});
