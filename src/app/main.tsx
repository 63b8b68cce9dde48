import { render } from 'preact';
import { App, preloadLessonScreen } from './App.tsx';
import { holdBackgroundWork, nextTask } from './background-work.ts';
import { prefetchLessonAt } from './content/course.ts';
import { loadDataLayer } from './data-layer.ts';
import { initI18n } from './i18n/i18n.ts';
import { listenForInstallPrompt } from './install/install-events.ts';
import { applyTheme } from './settings/theme.ts';
import { startNavigation } from './shell/navigation.ts';
import './styles.css';

listenForInstallPrompt(); // before anything awaits: the event can come early
applyTheme(); // the trainee's light or dark choice, before anything is drawn
startNavigation();
// A lesson opened by its address: its text and its screen's code download alongside the app's
// start, instead of one after the other, and nothing else downloads until the text is shown.
if (prefetchLessonAt(location.pathname)) {
  preloadLessonScreen();
  holdBackgroundWork();
}
const root = document.getElementById('app')!;
let pendingUpdate: (() => void) | undefined;
const draw = () => render(<App pendingUpdate={pendingUpdate} />, root);

// No top-level await: the lazy screens import from this module, and would wait for all of it.
void initI18n().then(() => {
  draw();
  void startBackgroundWork();
});

/**
 * After the first screen (see background-work.ts): the sync engine is not needed to show the
 * course. It syncs now, then on online, visibility, new events, Background Sync and its backoff
 * timer. Events a reload left waiting (the phone's storage was full) are stored first, in order.
 * Each step is a task of its own, so none of them keeps a tap waiting long.
 */
async function startBackgroundWork() {
  const data = await loadDataLayer();
  await nextTask();
  void data.retryWaitingEvents();
  await nextTask();
  data.startSyncEngine();
  await nextTask();
  const { registerServiceWorker } = await import('./sw-bridge.ts');
  void registerServiceWorker({
    onUpdateReady(reload) {
      pendingUpdate = reload;
      draw();
    },
  });
}
