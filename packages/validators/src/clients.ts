import { z } from 'zod';
import { pageInput } from './pagination';

export const clientStatuses = ['in_treatment', 'alumni'] as const;

export const clientsListInput = z.object({
  ...pageInput,
  search: z.string().trim().max(100, 'Search for at most 100 characters.').optional(),
  status: z.enum(clientStatuses, { error: 'Choose in treatment or alumni.' }).optional(),
});
export type ClientsListInput = z.infer<typeof clientsListInput>;

export const clientIdInput = z.object({
  clientId: z.uuid({ error: 'That is not a client link Homegroup made.' }),
});
