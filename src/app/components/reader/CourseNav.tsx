import { useLocation } from 'preact-iso';
import { useTranslation } from '../../i18n/use-translation.ts';

const links = [
  { href: '/', key: 'lesson:nav.lessons' },
  { href: '/glossary', key: 'lesson:nav.glossary' },
  { href: '/search', key: 'lesson:nav.search' },
] as const;

/** The course's three places: lessons, glossary, search. */
export function CourseNav() {
  const { t } = useTranslation();
  const { path } = useLocation();
  return (
    <nav class="course-nav" aria-label={t('lesson:nav.label')}>
      {links.map((l) => (
        <a key={l.href} href={l.href} aria-current={path === l.href ? 'page' : undefined}>
          {t(l.key)}
        </a>
      ))}
    </nav>
  );
}
