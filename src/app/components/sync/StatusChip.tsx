import { useEffect, useRef } from 'preact/hooks';
import { useSyncStatus } from '../../hooks/use-sync-status.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { announce } from '../../shell/announce.tsx';
import { Icon, type IconName } from '../../shell/icons.tsx';
import { openSheet } from '../../shell/sheets.ts';
import { announcedKinds, statusView, type ChipKind } from './status-view.ts';

const icons: Record<ChipKind, IconName> = {
  offline: 'offline',
  online: 'cloud',
  syncing: 'sync',
  synced: 'check',
  waiting: 'upload',
  notEnrolled: 'phone',
  unreachable: 'alert',
  refused: 'alert',
  revoked: 'alert',
  storage: 'alert',
};

/**
 * Connection and sync on the app bar: an icon and a word, never colour alone. Tapping it opens
 * the sync details. A change to trouble (or to offline, and back) is announced once through the
 * live region; retries that change nothing for the trainee are not.
 */
export function StatusChip() {
  const { t } = useTranslation();
  const view = statusView(useSyncStatus());
  const { chip } = view;
  const previous = useRef<ChipKind>(chip);
  useEffect(() => {
    const was = previous.current;
    previous.current = chip;
    if (was === chip) return;
    if (announcedKinds.has(chip)) announce(t(`announce.${chip}`, { count: view.pending }));
    else if (was === 'offline') announce(t('announce.online'));
  }, [chip]);
  const trouble = chip === 'unreachable' || chip === 'refused' || chip === 'revoked' || chip === 'storage';
  return (
    <button type="button" class={`chip${trouble ? ' is-trouble' : ''}`} aria-haspopup="dialog" data-testid="status-chip" data-kind={chip} onClick={() => openSheet('sync')}>
      <Icon name={icons[chip]} />
      <span>{t(`chip.${chip}`, { count: view.pending })}</span>
    </button>
  );
}
