import { render } from 'preact';
import { startSyncEngine } from '../data/sync-engine.ts';
import { App } from './App.tsx';
import { initI18n } from './i18n/i18n.ts';
import { listenForInstallPrompt } from './install/install-events.ts';
import { registerServiceWorker } from './sw-bridge.ts';
import './styles.css';

listenForInstallPrompt(); // before anything awaits: the event can come early
const root = document.getElementById('app')!;
let pendingUpdate: (() => void) | undefined;
const draw = () => render(<App pendingUpdate={pendingUpdate} />, root);

await initI18n();
draw();
startSyncEngine(); // syncs now, then on online, visibility, new events, and its backoff timer
registerServiceWorker({
  onUpdateReady(reload) {
    pendingUpdate = reload;
    draw();
  },
});
