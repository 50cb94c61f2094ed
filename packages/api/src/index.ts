import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from './root';

export { disclosureLogDownload } from './alumni/disclosure-log';
export { auditCsvDownload } from './audit-log/audit-log';
export { hashPassword } from './auth/passwords';
export { caseloadDownload } from './clients/caseload-download';
export {
  type AuthSettings,
  type Context,
  createContextInner,
  type RequestInfo,
  type SessionCookie,
} from './context';
export { refreshAllFacilities } from './engagement/refresh-all';
export { AppError, type AuthFailureReason } from './errors';
export { fhirBundleDownload } from './fhir/fhir-download';
export * as fhirShapes from './fhir/fhir-shapes';
export {
  type ImportProgress,
  type ImportReport,
  importMeetingFeed,
} from './meetings/import-feed';
export { meetingImportUpload } from './meetings/import-upload';
export { outcomeIndicatorDownload } from './outcomes/indicator-download';
export { type AppRouter, appRouter } from './root';
export { createCallerFactory } from './trpc';
export { hasUnstorableText, UNSTORABLE_TEXT } from './unstorable-text';

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
