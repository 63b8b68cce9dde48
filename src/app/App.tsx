import { LocationProvider, Route, Router } from 'preact-iso';
import { useState } from 'preact/hooks';
import { Footer } from './components/Footer.tsx';
import { Header } from './components/Header.tsx';
import { UpdatePrompt } from './components/UpdatePrompt.tsx';
import { Home } from './pages/Home.tsx';
import { NotFound } from './pages/NotFound.tsx';

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
        <Router>
          <Route path="/" component={Home} />
          <Route default component={NotFound} />
        </Router>
      </main>
      <Footer />
      {pendingUpdate && !dismissed && <UpdatePrompt onReload={pendingUpdate} onDismiss={() => setDismissed(true)} />}
    </LocationProvider>
  );
}
