import 'fake-indexeddb/auto';
import { cleanup } from '@testing-library/preact';
import { afterEach, beforeEach } from 'vitest';
import { initI18n } from '../../src/app/i18n/i18n.ts';

beforeEach(async () => {
  localStorage.clear();
  await initI18n('vi');
});
afterEach(() => cleanup());
