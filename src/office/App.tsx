import { lazy, LocationProvider, Route, Router, useLocation } from 'preact-iso';
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Cohort, Officer, Place, SessionResponse } from '../shared/office-api.ts';
import { api, onSignedOut } from './api.ts';
import { Layout } from './components/Layout.tsx';
import { OfficeContext } from './components/office-context.ts';
import { Loading } from './components/Status.tsx';
import { Cohorts } from './pages/Cohorts.tsx';
import { Enrol } from './pages/Enrol.tsx';
import { Funnel } from './pages/Funnel.tsx';
import { Groups } from './pages/Groups.tsx';
import { Lists } from './pages/Lists.tsx';
import { NotFound } from './pages/NotFound.tsx';
import { Overview } from './pages/Overview.tsx';
import { Questions } from './pages/Questions.tsx';
import { Setup } from './pages/Setup.tsx';
import { SignIn } from './pages/SignIn.tsx';
import { TraineeDetail } from './pages/TraineeDetail.tsx';
import { Trainees } from './pages/Trainees.tsx';

// The print sheets carry the QR code library: it loads only when sheets are printed.
const Sheets = lazy(() => import('./pages/Sheets.tsx').then((m) => m.Sheets));

/** Moves focus to the new page's heading after a navigation, as a page load would. */
function focusHeading() {
  requestAnimationFrame(() => document.getElementById('page-title')?.focus());
}

function SignedIn({ officer, onSignOut }: { officer: Officer; onSignOut: () => void }) {
  const [lists, setLists] = useState<{ places: Place[]; cohorts: Cohort[] }>();
  const reloadLists = useCallback(() => {
    void Promise.all([api<Place[]>('GET', '/places'), api<Cohort[]>('GET', '/cohorts')]).then(([places, cohorts]) => setLists({ places, cohorts }));
  }, []);
  useEffect(reloadLists, [reloadLists]);
  if (!lists) return <Loading />;
  const signOut = () => void api('DELETE', '/session').finally(onSignOut);
  return (
    <OfficeContext.Provider value={{ officer, ...lists, reloadLists, signOut }}>
      <Layout>
        <Router onRouteChange={focusHeading}>
          <Route path="/office" component={Overview} />
          <Route path="/office/units" component={Groups} by="unit" />
          <Route path="/office/provinces" component={Groups} by="place" />
          <Route path="/office/lessons" component={Funnel} />
          <Route path="/office/questions" component={Questions} />
          <Route path="/office/trainees" component={Trainees} />
          <Route path="/office/trainees/:id" component={TraineeDetail} />
          <Route path="/office/enrol" component={Enrol} />
          <Route path="/office/sheets" component={Sheets} />
          <Route path="/office/cohorts" component={Cohorts} />
          <Route path="/office/lists" component={Lists} />
          <Route default component={NotFound} />
        </Router>
      </Layout>
    </OfficeContext.Provider>
  );
}

function Session() {
  const { path } = useLocation();
  const [officer, setOfficer] = useState<Officer | null | undefined>(undefined);
  useEffect(() => {
    api<SessionResponse>('GET', '/session').then(
      (s) => setOfficer(s.officer),
      () => setOfficer(null),
    );
    return onSignedOut(() => setOfficer(null));
  }, []);
  if (path.startsWith('/office/setup')) return <Setup onDone={setOfficer} />;
  if (officer === undefined) return <Loading />;
  if (officer === null) return <SignIn onSignedIn={setOfficer} />;
  return <SignedIn officer={officer} onSignOut={() => setOfficer(null)} />;
}

export function OfficeApp() {
  return (
    <LocationProvider scope="/office">
      <Session />
    </LocationProvider>
  );
}
