import { act, render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { i18n, setLanguage } from '../../src/app/i18n/i18n.ts';
import { useTranslation } from '../../src/app/i18n/use-translation.ts';
import { knownPluralRules, plainString, withValues } from '../../src/app/i18n/with-values.ts';

type Translate = ReturnType<typeof useTranslation>['t'];

/** Renders a component that uses `useTranslation`; the returned `t` is always its current one. */
function renderProbe(): Translate {
  let current: Translate | undefined;
  function Probe() {
    current = useTranslation().t;
    return null;
  }
  render(<Probe />);
  return ((...args: Parameters<Translate>) => current!(...args)) as Translate;
}

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
  it('gives what i18next gives, for every key of every namespace in both languages, and with options', async () => {
    const t = renderProbe();
    const keysOf = (lng: string) =>
      Object.keys(i18n.store.data[lng] ?? {}).flatMap((ns) =>
        Object.keys(flatten(i18n.getResourceBundle(lng, ns) as Record<string, unknown>)).map((key) => (ns === 'common' ? key : `${ns}:${key}`)),
      );
    const vi = keysOf('vi');
    expect(vi.length).toBeGreaterThan(200);
    for (const key of vi) {
      expect(t(key), key).toBe(i18n.getFixedT('vi')(key));
      expect(t(key), `${key}, asked again`).toBe(i18n.getFixedT('vi')(key));
    }
    // English, where a key it lacks falls back to Vietnamese.
    await act(() => setLanguage('en'));
    for (const key of vi) expect(t(key), `en ${key}`).toBe(i18n.getFixedT('en')(key));
    await act(() => setLanguage('vi'));
    expect(t('app.name', { lng: 'en' })).toBe(i18n.getFixedT('en')('app.name'));
    expect(t('no.such.key')).toBe(i18n.getFixedT('vi')('no.such.key'));
  });

  it('leaves nesting, placeholders, groups and fallbacks to i18next', async () => {
    i18n.addResourceBundle('vi', 'probe', { nested: 'Ứng dụng $t(app.name)', placeholder: 'Còn {{n}} bước', group: { a: 'A' }, onlyVi: 'Chỉ tiếng Việt' });
    i18n.addResourceBundle('en', 'probe', { nested: 'The app $t(app.name)', placeholder: '{{n}} steps left', group: { a: 'A' } });
    const t = renderProbe();
    const keys = ['probe:nested', 'probe:placeholder', 'probe:group', 'probe:onlyVi', 'probe:missing'];
    for (const lng of ['vi', 'en'] as const) {
      await act(() => setLanguage(lng));
      for (const key of keys) expect(t(key), `${lng} ${key}`).toEqual(i18n.getFixedT(lng)(key));
    }
    expect(t('probe:nested')).toBe(`The app ${i18n.getFixedT('en')('app.name')}`);
    expect(t('probe:onlyVi')).toBe('Chỉ tiếng Việt');
    await act(() => setLanguage('vi'));
    i18n.removeResourceBundle('vi', 'probe');
    i18n.removeResourceBundle('en', 'probe');
  });

  it('gives what i18next gives for calls with values: every key with each of its placeholders and counts, in both languages', async () => {
    const t = renderProbe();
    await act(() => setLanguage('en')); // both languages' strings loaded
    const templates = new Map<string, string[]>();
    for (const lng of ['vi', 'en']) {
      for (const ns of Object.keys(i18n.store.data[lng] ?? {})) {
        for (const [key, text] of Object.entries(flatten(i18n.getResourceBundle(lng, ns) as Record<string, unknown>))) {
          const base = `${ns === 'common' ? '' : `${ns}:`}${key.replace(/_(zero|one|two|few|many|other)$/, '')}`;
          templates.set(base, [...(templates.get(base) ?? []), text]);
        }
      }
    }
    let fast = 0;
    for (const [key, texts] of templates) {
      const names = new Set(texts.flatMap((text) => [...text.matchAll(/{{\s*([\w.]+)/g)].map((m) => m[1]!)));
      const values = Object.fromEntries([...names].filter((n) => n !== 'count').map((n) => [n, `‹${n}›`]));
      const plural = names.has('count') || texts.length > 2;
      const calls = plural ? [0, 1, 2, 5, 21].map((count) => ({ ...values, count })) : [values, { ...values, unused: 7 }];
      for (const lng of ['vi', 'en'] as const) {
        await act(() => setLanguage(lng));
        for (const options of calls) {
          expect(t(key, options), `${lng} ${key} ${JSON.stringify(options)}`).toBe(i18n.getFixedT(lng)(key, options));
          if (withValues(i18n, lng, key, options) !== undefined) fast++;
        }
      }
    }
    // The shorter way answered almost every call (all but nesting and missing keys).
    expect(fast).toBeGreaterThan(templates.size);
    await act(() => setLanguage('vi'));
  });

  it('leaves other options, nesting and missing keys to i18next, and finds plural forms and fallbacks as it does', async () => {
    i18n.addResourceBundle('vi', 'probe', { steps_other: 'Còn {{count}} bước', nested: '$t(app.name): {{n}}', onlyVi: 'Chỉ {{n}}', kind: 'loại', kind_male: 'nam' });
    i18n.addResourceBundle('en', 'probe', { steps_zero: 'No steps left', steps_one: 'One step left', steps_other: '{{count}} steps left', nested: '$t(app.name): {{n}}' });
    for (const lng of ['vi', 'en'] as const) {
      const t = i18n.getFixedT(lng);
      for (const count of [0, 1, 3]) expect(withValues(i18n, lng, 'probe:steps', { count })).toBe(t('probe:steps', { count }));
      expect(withValues(i18n, lng, 'probe:onlyVi', { n: 2 })).toBe(t('probe:onlyVi', { n: 2 }));
      expect(withValues(i18n, lng, 'probe:nested', { n: 2 })).toBeUndefined();
      expect(withValues(i18n, lng, 'probe:kind', { context: 'male' })).toBeUndefined();
      expect(withValues(i18n, lng, 'probe:kind', { n: 1, defaultValue: 'x' })).toBeUndefined();
      expect(withValues(i18n, lng, 'probe:kind', { n: { nested: true } })).toBeUndefined();
      expect(withValues(i18n, lng, 'probe:missing', { n: 2 })).toBeUndefined();
    }
    expect(withValues(i18n, 'en', 'probe:steps', { count: 0 })).toBe('No steps left');
    expect(withValues(i18n, 'vi', 'probe:steps', { count: 1 })).toBe('Còn 1 bước');
    expect(withValues(i18n, 'en', 'probe:onlyVi', { n: 2 })).toBe('Chỉ 2');
    i18n.removeResourceBundle('vi', 'probe');
    i18n.removeResourceBundle('en', 'probe');
  });

  it('finds a plain string as i18next does, and leaves placeholders, nesting and groups to it', () => {
    i18n.addResourceBundle('vi', 'probe', { plain: 'Chỉ chữ', empty: '', placeholder: 'Còn {{n}} bước', nested: '$t(app.name)', group: { a: 'A' } });
    expect(plainString(i18n, 'vi', 'probe:plain')).toBe('Chỉ chữ');
    expect(plainString(i18n, 'en', 'probe:plain')).toBe('Chỉ chữ'); // the fallback language
    expect(plainString(i18n, 'vi', 'probe:empty')).toBe(i18n.getFixedT('vi')('probe:empty'));
    for (const key of ['probe:placeholder', 'probe:nested', 'probe:group', 'probe:missing']) expect(plainString(i18n, 'vi', key), key).toBeUndefined();
    i18n.removeResourceBundle('vi', 'probe');
  });

  it('knows the plural forms of both languages as Intl does', () => {
    const counts = [0, 1, 2, 3, 5, 11, 21, 101, 1000, 1.5, 0.5, -1, -2];
    for (const [lng, rule] of Object.entries(knownPluralRules)) {
      const intl = new Intl.PluralRules(lng);
      for (const count of counts) expect(rule(count), `${lng} ${count}`).toBe(intl.select(count));
    }
    expect(Object.keys(knownPluralRules).sort()).toEqual([...(i18n.options.supportedLngs as string[])].filter((l) => l !== 'cimode').sort());
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
