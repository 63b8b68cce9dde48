import { lazy, LocationProvider, Route, Router } from 'preact-iso';
import { useState } from 'preact/hooks';
import { Footer } from './components/Footer.tsx';
import { Header } from './components/Header.tsx';
import { IosEvictionWarning } from './components/IosEvictionWarning.tsx';
import { UpdatePrompt } from './components/UpdatePrompt.tsx';
import { Home } from './pages/Home.tsx';
import { NotFound } from './pages/NotFound.tsx';

// Split out of the first load: the course list is all the home page needs.
const readingScreens = () => import('./pages/reading-screens.ts');
const LessonPage = lazy(() => readingScreens().then((m) => m.LessonPage));
const GlossaryPage = lazy(() => readingScreens().then((m) => m.GlossaryPage));
const SearchPage = lazy(() => readingScreens().then((m) => m.SearchPage));
const Enrol = lazy(() => import('./pages/Enrol.tsx').then((m) => m.Enrol));

/** Starts downloading the lesson screen's code alongside the app's own start. */
export function preloadLessonScreen(): void {
  void LessonPage.preload();
}

export interface AppProps {
  /** Set by main.tsx when the service worker has a new version waiting. */
  pendingUpdate?: (() => void) | undefined;
}

export function App({ pendingUpdate }: AppProps) {
  const [dismissed, setDismissed] = useState(false);
  return (
    <LocationProvider>
      <Header />
      <main id="main">
        <IosEvictionWarning />
        <Router>
          <Route path="/" component={Home} />
          <Route path="/lessons/:id" component={LessonPage} />
          <Route path="/glossary" component={GlossaryPage} />
          <Route path="/search" component={SearchPage} />
          <Route path="/enrol" component={Enrol} />
          <Route default component={NotFound} />
        </Router>
      </main>
      <Footer />
      {pendingUpdate && !dismissed && <UpdatePrompt onReload={pendingUpdate} onDismiss={() => setDismissed(true)} />}
    </LocationProvider>
  );
}
