import { useLocation } from 'preact-iso';
import { useTranslation } from '../../i18n/use-translation.ts';
import { Sheet } from '../Sheet.tsx';
import { SyncDetails } from './SyncDetails.tsx';

/** The status chip's sheet: the sync details, and the way to the Me screen. */
export function SyncSheet({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { path } = useLocation();
  return (
    <Sheet title={t('me:sync.title')} onClose={onClose}>
      <SyncDetails />
      {path !== '/me' && (
        <p>
          <a class="button-link" href="/me" onClick={onClose}>
            {t('me:sync.more')}
          </a>
        </p>
      )}
    </Sheet>
  );
}
