import { act, render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { i18n, setLanguage } from '../../src/app/i18n/i18n.ts';
import { useTranslation } from '../../src/app/i18n/use-translation.ts';

function Title() {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('home.title')}</h1>
      <p>{t('app.name', { lng: 'en' })}</p>
    </>
  );
}

describe('useTranslation', () => {
  it('gives what i18next gives, for every plain key and with options', () => {
    let t: ReturnType<typeof useTranslation>['t'] | undefined;
    function Probe() {
      t = useTranslation().t;
      return null;
    }
    render(<Probe />);
    const keys = Object.keys(flatten(i18n.getResourceBundle('vi', 'common') as Record<string, unknown>));
    expect(keys.length).toBeGreaterThan(20);
    for (const key of keys) {
      expect(t!(key), key).toBe(i18n.getFixedT('vi')(key));
      expect(t!(key), `${key}, asked again`).toBe(i18n.getFixedT('vi')(key));
    }
    expect(t!('app.name', { lng: 'en' })).toBe(i18n.getFixedT('en')('app.name'));
  });

  it('shows changed strings and another language, not the remembered ones', async () => {
    render(<Title />);
    const before = screen.getByRole('heading').textContent;
    expect(before).toBe(i18n.getFixedT('vi')('home.title'));
    i18n.addResourceBundle('vi', 'common', { home: { title: 'Một tiêu đề khác' } }, true, true);
    await act(() => setLanguage('en'));
    expect(screen.getByRole('heading').textContent).toBe(i18n.getFixedT('en')('home.title'));
    await act(() => setLanguage('vi'));
    expect(screen.getByRole('heading').textContent).toBe('Một tiêu đề khác');
    i18n.addResourceBundle('vi', 'common', { home: { title: before } }, true, true);
  });
});

function flatten(tree: Record<string, unknown>, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out[`${prefix}${key}`] = value;
    else if (value && typeof value === 'object') Object.assign(out, flatten(value as Record<string, unknown>, `${prefix}${key}.`));
  }
  return out;
}
