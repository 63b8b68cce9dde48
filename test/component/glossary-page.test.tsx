import { join } from 'node:path';
import { render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { compileCourse } from '../../plugins/lessons/compile-course.ts';
import { courseAssets } from '../../plugins/lessons/course-assets.ts';
import { App } from '../../src/app/App.tsx';

const course = compileCourse(join(import.meta.dirname, '../../content'));
const { files } = courseAssets(course);

// The glossary screen is a lazy chunk: transformed once here, not within a test's wait.
beforeAll(() => import('../../src/app/pages/reading-screens.ts'));

describe('the glossary page', () => {
  beforeEach(() => {
    vi.stubGlobal('fetch', async (url: string) => new Response(files.get(String(url).slice(1)) ?? '', { status: files.has(String(url).slice(1)) ? 200 : 404 }));
    history.replaceState(null, '', '/glossary');
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    history.replaceState(null, '', '/');
  });

  it('lists every term with both languages, each marked with its lang', async () => {
    render(<App />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Thuật ngữ' })).toBeTruthy();
    await waitFor(() => expect(document.getElementById('term-e-government')).toBeTruthy());
    const items = document.querySelectorAll('.glossary-list > li');
    expect(items).toHaveLength(course.glossary.length);
    const egov = document.getElementById('term-e-government')!;
    expect(egov.querySelector('[lang="vi"]')?.textContent).toBe('Chính phủ điện tử');
    expect(egov.querySelector('[lang="en"]')?.textContent).toBe('e-Government');
    expect(egov.querySelectorAll('p[lang]')).toHaveLength(2);
  });
});
