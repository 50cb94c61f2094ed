import type { ZodType } from 'zod';
import { appRouter } from '../root';
import type { Meta } from '../trpc';

/** What a test reads of a procedure: its access row and its input schema. */
export interface ProcedureDef {
  _def: { type: string; meta?: Meta; inputs: ZodType[] };
}

/** Every procedure of the router, by path (e.g. `clients.get`). */
export const allProcedures = Object.entries(appRouter._def.procedures) as unknown as [
  string,
  ProcedureDef,
][];

/** Calls the procedure at `path` on a caller, e.g. `callPath(caller, 'clients.get', input)`. */
export function callPath(caller: object, path: string, input: unknown): Promise<unknown> {
  const fn = path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], caller);
  return (fn as (input: unknown) => Promise<unknown>)(input);
}
