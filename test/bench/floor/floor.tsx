// The benchmark floor: the smallest page that really uses the app's libraries (Preact, Dexie,
// i18next, zod, workbox-window), so tree-shaking keeps what the app would need of each. zod is
// imported as the app imports it, from zod/mini.
import Dexie from 'dexie';
import i18next from 'i18next';
import { render } from 'preact';
import { Workbox } from 'workbox-window';
import * as z from 'zod/mini';

const db = new Dexie('floor');
db.version(1).stores({ events: 'id' });
await i18next.init({ lng: 'vi', resources: { vi: { translation: { title: 'Học Chính phủ số' } } } });
const title = z.string().parse(i18next.t('title'));
render(<h1>{title}</h1>, document.getElementById('app')!);
if ('serviceWorker' in navigator) void new Workbox('/sw.js').register();
void db.open();
