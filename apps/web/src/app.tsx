import { Route, Routes } from 'react-router';
import { RequireSession } from './auth/require-session';
import { SignInPage } from './auth/sign-in-page';
import { lazyPage } from './lib/lazy-page';
import { NotFoundPage } from './pages/not-found-page';
import { TodayPage } from './pages/today-page';
import { AppShell } from './shell/app-shell';

// Each area loads when first opened, so the sign-in page and Today stay small and quick.
const AccountPage = lazyPage(() => import('./account/account-page'), 'AccountPage');
const AuditPage = lazyPage(() => import('./audit/audit-page'), 'AuditPage');
const EmergencyPage = lazyPage(() => import('./emergency/emergency-page'), 'EmergencyPage');
const EmergencyRecordPage = lazyPage(
  () => import('./emergency/emergency-record-page'),
  'EmergencyRecordPage',
);
const StaffPage = lazyPage(() => import('./staff/staff-page'), 'StaffPage');
const AlumniPage = lazyPage(() => import('./alumni/alumni-page'), 'AlumniPage');
const AlumnusPage = lazyPage(() => import('./alumni/alumnus-page'), 'AlumnusPage');
const CaseloadPage = lazyPage(() => import('./clients/caseload-page'), 'CaseloadPage');
const ClientFormPage = lazyPage(() => import('./clients/client-form-page'), 'ClientFormPage');
const ClientPage = lazyPage(() => import('./clients/client-page'), 'ClientPage');
const GroupFormPage = lazyPage(() => import('./groups/group-form-page'), 'GroupFormPage');
const GroupPage = lazyPage(() => import('./groups/group-page'), 'GroupPage');
const GroupsPage = lazyPage(() => import('./groups/groups-page'), 'GroupsPage');
const MeetingListPrintPage = lazyPage(
  () => import('./alumni/meeting-list-print-page'),
  'MeetingListPrintPage',
);
const MeetingsPage = lazyPage(() => import('./meetings/meetings-page'), 'MeetingsPage');
const OutcomesPage = lazyPage(() => import('./outcomes/outcomes-page'), 'OutcomesPage');
const PrintSheetPage = lazyPage(() => import('./sessions/print-sheet-page'), 'PrintSheetPage');
const SessionPage = lazyPage(() => import('./sessions/session-page'), 'SessionPage');
const SettingsPage = lazyPage(() => import('./pages/settings-page'), 'SettingsPage');

export function App() {
  return (
    <Routes>
      <Route path="/login" element={<SignInPage />} />
      <Route element={<RequireSession />}>
        <Route path="/sessions/:sessionId/print" element={<PrintSheetPage />} />
        <Route path="/alumni/:clientId/meeting-list" element={<MeetingListPrintPage />} />
      </Route>
      <Route element={<RequireSession />}>
        <Route element={<AppShell />}>
          <Route index element={<TodayPage />} />
          <Route path="groups" element={<GroupsPage />} />
          <Route path="groups/new" element={<GroupFormPage />} />
          <Route path="groups/:groupId" element={<GroupPage />} />
          <Route path="groups/:groupId/edit" element={<GroupFormPage />} />
          <Route path="sessions/:sessionId" element={<SessionPage />} />
          <Route path="clients" element={<CaseloadPage />} />
          <Route path="clients/new" element={<ClientFormPage />} />
          <Route path="clients/:clientId" element={<ClientPage />} />
          <Route path="clients/:clientId/edit" element={<ClientFormPage />} />
          <Route path="alumni" element={<AlumniPage />} />
          <Route path="alumni/:clientId" element={<AlumnusPage />} />
          <Route path="meetings" element={<MeetingsPage />} />
          <Route path="outcomes" element={<OutcomesPage />} />
          <Route path="settings" element={<SettingsPage />} />
          <Route path="account" element={<AccountPage />} />
          <Route path="staff" element={<StaffPage />} />
          <Route path="audit" element={<AuditPage />} />
          <Route path="emergency" element={<EmergencyPage />} />
          <Route path="emergency/:clientId" element={<EmergencyRecordPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}
