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
import { procedure, router } from '../trpc';

export const meetingsRouter = router({
  search: procedure('meetings.search')
    .input(meetingSearchInput)
    .query(({ ctx, input }) => searchMeetings(ctx, ctx.staff, input)),
  filterOptions: procedure('meetings.filterOptions').query(({ ctx }) =>
    meetingFilterOptions(ctx, ctx.staff),
  ),
  places: procedure('meetings.places')
    .input(placeSearchInput)
    .query(({ ctx, input }) => findPlaces(ctx, ctx.staff, input.text)),
  sources: procedure('meetings.sources').query(({ ctx }) => listMeetingSources(ctx, ctx.staff)),
  createSource: procedure('meetings.createSource')
    .input(meetingSourceInput)
    .mutation(({ ctx, input }) => createMeetingSource(ctx, ctx.staff, input)),
  importReport: procedure('meetings.importReport')
    .input(z.object({ importId: z.uuid({ error: 'That is not an import link Homegroup made.' }) }))
    .query(({ ctx, input }) => meetingImportReport(ctx, ctx.staff, input.importId)),
  saveManual: procedure('meetings.saveManual')
    .input(manualMeetingInput)
    .mutation(({ ctx, input }) => saveManualMeeting(ctx, ctx.staff, input)),
});
