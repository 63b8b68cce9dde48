import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { queryOf } from '../api.ts';
import { languages, setLanguage, useT } from '../i18n.ts';
import { useFilters, useOffice } from './office-context.ts';

const views = [
  ['overview', '/office'],
  ['units', '/office/units'],
  ['places', '/office/provinces'],
  ['funnel', '/office/lessons'],
  ['questions', '/office/questions'],
  ['trainees', '/office/trainees'],
  ['enrol', '/office/enrol'],
  ['cohorts', '/office/cohorts'],
  ['lists', '/office/lists'],
] as const;

/** English or Vietnamese, each button named in its own language. */
export function LanguageSwitch() {
  const { t, lng } = useT();
  return (
    <div class="lang-switch" role="group" aria-label={t('app.language')}>
      {languages.map((code) => (
        <button key={code} type="button" lang={code} aria-pressed={lng === code} onClick={() => void setLanguage(code)}>
          {code === 'vi' ? 'Tiếng Việt' : 'English'}
        </button>
      ))}
    </div>
  );
}

/** The page's heading, focused when the page opens (so a screen reader starts there) and named in the tab's title. */
export function PageTitle({ children, title }: { children: ComponentChildren; title: string }) {
  const { t } = useT();
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  return (
    <h1 tabIndex={-1} id="page-title">
      {children}
    </h1>
  );
}

/** The frame of the pages before sign-in (sign-in, setup): the brand, the language, one narrow column. */
export function SignedOutPage({ title, children }: { title: string; children: ComponentChildren }) {
  const { t } = useT();
  return (
    <>
      <header class="office-header">
        <p class="brand">{t('app.name')}</p>
        <LanguageSwitch />
      </header>
      <main id="main" class="narrow">
        <PageTitle title={title}>{title}</PageTitle>
        {children}
      </main>
    </>
  );
}

/** Header, the views' navigation (keeping the filters), and the page. */
export function Layout({ children }: { children: ComponentChildren }) {
  const { t } = useT();
  const { officer, signOut } = useOffice();
  const { path } = useLocation();
  const filters = useFilters();
  const current = (href: string) => (href === '/office' ? path === '/office' || path === '/office/' : path.startsWith(href));
  return (
    <>
      <a class="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header class="office-header">
        <p class="brand">{t('app.name')}</p>
        <p class="who">
          {officer.name}
          <span class="scope">{officer.unit ?? t('app.wholeProgramme')}</span>
        </p>
        <LanguageSwitch />
        <button type="button" onClick={signOut}>
          {t('app.signOut')}
        </button>
      </header>
      <nav class="views" aria-label={t('app.views')}>
        <ul>
          {views.map(([key, href]) => (
            <li key={key}>
              <a href={href + queryOf(filters)} aria-current={current(href) ? 'page' : undefined}>
                {t(`nav.${key}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main">{children}</main>
    </>
  );
}
