import { render } from 'preact';
import { afterPaint } from './after-paint.ts';
import { App } from './App.tsx';
import { prefetchLessonAt } from './content/course.ts';
import { initI18n } from './i18n/i18n.ts';
import { listenForInstallPrompt } from './install/install-events.ts';
import { registerServiceWorker } from './sw-bridge.ts';
import './styles.css';

listenForInstallPrompt(); // before anything awaits: the event can come early
// A lesson opened by its address: its text downloads alongside the lesson screen's code.
prefetchLessonAt(location.pathname);
const root = document.getElementById('app')!;
let pendingUpdate: (() => void) | undefined;
const draw = () => render(<App pendingUpdate={pendingUpdate} />, root);

await initI18n();
draw();
await afterPaint();
// Loaded after the first paint: the sync engine is not needed to show the course. It syncs now,
// then on online, visibility, new events, Background Sync and its backoff timer.
void import('../data/sync-engine.ts').then((m) => m.startSyncEngine());
// Steps a reload left unsaved (the phone's storage was full) are stored first, in order.
void import('../data/actions.ts').then((m) => m.retryUnsaved());
registerServiceWorker({
  onUpdateReady(reload) {
    pendingUpdate = reload;
    draw();
  },
});
