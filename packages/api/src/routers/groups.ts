import {
  endEnrolmentInput,
  enrolInput,
  groupIdInput,
  groupInput,
  groupUpdateInput,
} from '@homegroup/validators';
import { z } from 'zod';
import { endEnrolment, enrol } from '../groups/enrol';
import { getGroup } from '../groups/get-group';
import { listGroups } from '../groups/list-groups';
import { archiveGroup, createGroup, updateGroup } from '../groups/save-group';
import { staffOptions } from '../groups/staff-options';
import { searchPeople } from '../people/search-people';
import { procedure, router } from '../trpc';

export const groupsRouter = router({
  list: procedure('groups.list')
    .input(
      z.object({ includeArchived: z.boolean().default(false) }).default({ includeArchived: false }),
    )
    .query(({ ctx, input }) => listGroups(ctx, ctx.staff, input.includeArchived)),
  get: procedure('groups.get')
    .input(groupIdInput)
    .query(({ ctx, input }) => getGroup(ctx, ctx.staff, input.groupId)),
  staffOptions: procedure('groups.staffOptions').query(({ ctx }) => staffOptions(ctx, ctx.staff)),
  create: procedure('groups.create')
    .input(groupInput)
    .mutation(({ ctx, input }) => createGroup(ctx, ctx.staff, input)),
  update: procedure('groups.update')
    .input(groupUpdateInput)
    .mutation(({ ctx, input }) => updateGroup(ctx, ctx.staff, input)),
  archive: procedure('groups.archive')
    .input(groupIdInput)
    .mutation(({ ctx, input }) => archiveGroup(ctx, ctx.staff, input.groupId)),
  enrol: procedure('groups.enrol')
    .input(enrolInput)
    .mutation(({ ctx, input }) => enrol(ctx, ctx.staff, input)),
  endEnrolment: procedure('groups.endEnrolment')
    .input(endEnrolmentInput)
    .mutation(({ ctx, input }) => endEnrolment(ctx, ctx.staff, input)),
  searchPeople: procedure('groups.searchPeople')
    .input(z.object({ q: z.string().trim().min(2, 'Type at least 2 letters.').max(60) }))
    .query(({ ctx, input }) => searchPeople(ctx, ctx.staff, input.q)),
});
