import { useRef } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { useTranslation } from '../i18n/use-translation.ts';
import { useBarSize } from './bar-size.ts';
import { Icon, type IconName } from './icons.tsx';

const tabs: ReadonlyArray<{ href: string; key: string; icon: IconName; owns: (path: string) => boolean }> = [
  { href: '/', key: 'tabs.lessons', icon: 'lessons', owns: (p) => p === '/' || p.startsWith('/lessons/') || p === '/final' },
  { href: '/search', key: 'tabs.search', icon: 'search', owns: (p) => p === '/search' },
  { href: '/glossary', key: 'tabs.glossary', icon: 'glossary', owns: (p) => p === '/glossary' },
  { href: '/me', key: 'tabs.me', icon: 'me', owns: (p) => p === '/me' || p.startsWith('/me/') || p === '/enrol' },
];

/** The four main places, at the bottom of a phone's screen (a side rail in landscape and on wide screens). */
export function TabBar() {
  const { t } = useTranslation();
  const { path } = useLocation();
  const bar = useRef<HTMLElement>(null);
  useBarSize(bar, '--tab-bar-h');
  return (
    <nav class="tab-bar" ref={bar} aria-label={t('tabs.label')}>
      {tabs.map((tab) => {
        const here = tab.owns(path);
        return (
          <a key={tab.href} href={tab.href} aria-current={path === tab.href ? 'page' : here ? 'true' : undefined}>
            <Icon name={tab.icon} />
            <span>{t(tab.key)}</span>
          </a>
        );
      })}
    </nav>
  );
}
