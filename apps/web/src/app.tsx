import { Route, Routes } from 'react-router';
import { RequireSession } from './auth/require-session';
import { SignInPage } from './auth/sign-in-page';
import { AlumniPage } from './pages/alumni-page';
import { ClientsPage } from './pages/clients-page';
import { GroupsPage } from './pages/groups-page';
import { NotFoundPage } from './pages/not-found-page';
import { OutcomesPage } from './pages/outcomes-page';
import { TodayPage } from './pages/today-page';
import { AppShell } from './shell/app-shell';

export function App() {
  return (
    <Routes>
      <Route path="/login" element={<SignInPage />} />
      <Route element={<RequireSession />}>
        <Route element={<AppShell />}>
          <Route index element={<TodayPage />} />
          <Route path="groups" element={<GroupsPage />} />
          <Route path="clients" element={<ClientsPage />} />
          <Route path="alumni" element={<AlumniPage />} />
          <Route path="outcomes" element={<OutcomesPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}
