import { LocationProvider, Route, Router, useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import { StatusBanner } from './components/sync/StatusBanner.tsx';
import { UpdatePrompt } from './components/UpdatePrompt.tsx';
import { startBackgroundWorkNow } from './background-work.ts';
import { loadLaterScreens } from './later-screens.ts';
import { Home } from './pages/Home.tsx';
import { NotFound } from './pages/NotFound.tsx';
import { AppBar } from './shell/AppBar.tsx';
import { LiveRegion } from './shell/announce.tsx';
import { lazyScreen } from './shell/lazy-screen.ts';
import { noteRouteChange } from './shell/navigation.ts';
import { ScreenBoundary } from './shell/ScreenBoundary.tsx';
import { focusScreenHeading } from './shell/screen.ts';
import { SheetHost } from './shell/SheetHost.tsx';
import { TabBar } from './shell/TabBar.tsx';

// Split out of the first load: the course list is all the home page needs.
const readingScreens = () => import('./pages/reading-screens.ts');
const LessonPage = lazyScreen(() => readingScreens().then((m) => m.LessonPage));
const GlossaryPage = lazyScreen(() => readingScreens().then((m) => m.GlossaryPage));
const SearchPage = lazyScreen(() => readingScreens().then((m) => m.SearchPage));
const FinalAssessmentPage = lazyScreen(() => readingScreens().then((m) => m.FinalAssessmentPage));
const MePage = lazyScreen(() => loadLaterScreens().then((m) => m.MePage));
const Enrol = lazyScreen(() => loadLaterScreens().then((m) => m.Enrol));
// Each in a chunk of its own: the QR code library loads with the certificate only, and an
// inspector opening a verify link downloads neither it nor the Me screens.
const CertificatePage = lazyScreen(() => import('./certificate/certificate-screen.ts').then((m) => m.CertificatePage));
const VerifyPage = lazyScreen(() => import('./certificate/verify-screen.ts').then((m) => m.VerifyPage));

/** Starts downloading the lesson screen's code alongside the app's own start. */
export function preloadLessonScreen(): void {
  void LessonPage.preload();
}

export interface AppProps {
  /** Set by main.tsx when the service worker has a new version waiting. */
  pendingUpdate?: (() => void) | undefined;
}

/**
 * The app's frame: the top bar, the screen, the tab bar; the sheets, the update prompt and the
 * one live region above them.
 */
export function App({ pendingUpdate }: AppProps) {
  const [dismissed, setDismissed] = useState(false);
  const [loading, setLoading] = useState(false);
  return (
    <LocationProvider>
      <AppBar loading={loading} />
      <main id="main" aria-busy={loading ? 'true' : undefined}>
        <StatusBanner />
        <Screens onLoading={setLoading} />
      </main>
      <TabBar />
      <SheetHost />
      {pendingUpdate && !dismissed && <UpdatePrompt onReload={pendingUpdate} onDismiss={() => setDismissed(true)} />}
      <LiveRegion />
    </LocationProvider>
  );
}

function Screens({ onLoading }: { onLoading: (loading: boolean) => void }) {
  const { url } = useLocation();
  return (
    <ScreenBoundary url={url}>
      <Router
        onLoadStart={() => onLoading(true)}
        onLoadEnd={() => onLoading(false)}
        onRouteChange={() => {
          onLoading(false);
          noteRouteChange();
          focusScreenHeading();
          startBackgroundWorkNow();
        }}
      >
        <Route path="/" component={Home} />
        <Route path="/lessons/:id" component={LessonPage} />
        <Route path="/final" component={FinalAssessmentPage} />
        <Route path="/glossary" component={GlossaryPage} />
        <Route path="/search" component={SearchPage} />
        <Route path="/me" component={MePage} />
        <Route path="/enrol" component={Enrol} />
        <Route path="/me/certificate" component={CertificatePage} />
        <Route path="/verify" component={VerifyPage} />
        <Route default component={NotFound} />
      </Router>
    </ScreenBoundary>
  );
}
