import { Route, Routes } from 'react-router';
import { AlumniPage } from './alumni/alumni-page';
import { AlumnusPage } from './alumni/alumnus-page';
import { MeetingListPrintPage } from './alumni/meeting-list-print-page';
import { RequireSession } from './auth/require-session';
import { SignInPage } from './auth/sign-in-page';
import { CaseloadPage } from './clients/caseload-page';
import { ClientFormPage } from './clients/client-form-page';
import { ClientPage } from './clients/client-page';
import { GroupFormPage } from './groups/group-form-page';
import { GroupPage } from './groups/group-page';
import { GroupsPage } from './groups/groups-page';
import { MeetingsPage } from './meetings/meetings-page';
import { NotFoundPage } from './pages/not-found-page';
import { OutcomesPage } from './pages/outcomes-page';
import { SettingsPage } from './pages/settings-page';
import { TodayPage } from './pages/today-page';
import { PrintSheetPage } from './sessions/print-sheet-page';
import { SessionPage } from './sessions/session-page';
import { AppShell } from './shell/app-shell';

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
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}
