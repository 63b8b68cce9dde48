import 'fake-indexeddb/auto';
import { cleanup } from '@testing-library/preact';
import { afterEach, beforeEach } from 'vitest';
import { initI18n } from '../../src/app/i18n/i18n.ts';
// The app loads the data layer after its first paint; loaded here up front, so a test that ends
// first does not leave an import running into the environment's teardown.
import '../../src/data/phone-data.ts';

beforeEach(async () => {
  localStorage.clear();
  await initI18n('vi');
});
afterEach(() => cleanup());
