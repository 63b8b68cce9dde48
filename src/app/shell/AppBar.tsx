import { useRef } from 'preact/hooks';
import { StatusChip } from '../components/sync/StatusChip.tsx';
import { useTranslation } from '../i18n/use-translation.ts';
import { BrandMark, Icon } from './icons.tsx';
import { hasInAppHistory } from './navigation.ts';
import { useCurrentScreen } from './screen.ts';
import { useBarSize } from './bar-size.ts';
import { openSheet } from './sheets.ts';

/**
 * The compact top bar: the app's name on the four main screens, or back plus the screen's
 * title deeper in; the connection and sync chip; the reading settings button. One row of 44 px
 * targets at default text size; it wraps rather than push a control off a narrow screen.
 */
export function AppBar({ loading }: { loading: boolean }) {
  const { t } = useTranslation();
  const screen = useCurrentScreen();
  const bar = useRef<HTMLElement>(null);
  useBarSize(bar, '--app-bar-h');
  const back = screen.back;
  return (
    <header class="app-bar" ref={bar}>
      {back ? (
        <>
          <a
            class="bar-button"
            href={back}
            aria-label={t('bar.back')}
            onClick={(e) => {
              // Back through the app's own history when there is some (the list keeps its place);
              // a lesson opened by its address goes up to its parent instead.
              if (!hasInAppHistory()) return;
              e.preventDefault();
              history.back();
            }}
          >
            <Icon name="back" />
          </a>
          <span class="bar-title">{screen.barTitle ?? screen.title}</span>
        </>
      ) : (
        <a class="brand" href="/">
          <BrandMark />
          <span>{t('app.name')}</span>
        </a>
      )}
      <StatusChip />
      <button type="button" class="bar-button" aria-label={t('bar.settings')} aria-haspopup="dialog" onClick={() => openSheet('settings')}>
        <Icon name="settings" />
      </button>
      {loading && <span class="load-bar" aria-hidden="true" />}
    </header>
  );
}
