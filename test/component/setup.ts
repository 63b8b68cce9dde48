import 'fake-indexeddb/auto';
import { cleanup } from '@testing-library/preact';
import { afterEach, beforeEach } from 'vitest';
import { startBackgroundWorkNow } from '../../src/app/background-work.ts';
import { initI18n } from '../../src/app/i18n/i18n.ts';
import { registerLaterStrings } from '../../src/app/i18n/later-strings.ts';
import { setBothLanguages, setTextSize } from '../../src/app/settings/reading-prefs.ts';
// The app loads the data layer after its first paint; loaded here up front, so a test that ends
// first does not leave an import running into the environment's teardown.
import '../../src/data/phone-data.ts';

beforeEach(async () => {
  // In the app, background work waits for the page's load and a quiet period after it; a test
  // drawing one screen alone has no page load to wait for (background-work.test.ts times it).
  startBackgroundWorkNow();
  localStorage.clear();
  await initI18n('vi');
  // The strings of the Me screen and the sheets load with their chunk in the app.
  registerLaterStrings();
  // Reading preferences live for the page's life: each test starts from the defaults.
  setBothLanguages(false);
  setTextSize(1);
  localStorage.clear();
});
afterEach(() => cleanup());
