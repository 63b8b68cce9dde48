import { useEffect, useState } from 'preact/hooks';
import { readStorageInfo, requestPersistentStorage, type StorageInfo } from '../../../data/storage-info.ts';
import { backgroundWorkMayStart } from '../../background-work.ts';
import { formatSize } from '../../i18n/format-size.ts';
import { useTranslation } from '../../i18n/use-translation.ts';

/** Usage and free space, and a one-tap request to keep the data when the phone runs low. */
export function StorageStatus() {
  const { t, lng } = useTranslation();
  const [info, setInfo] = useState<StorageInfo>();
  const refresh = () => void readStorageInfo().then(setInfo);
  // A Me screen detail: read once the first screen is shown, not while it is being drawn.
  useEffect(() => void backgroundWorkMayStart().then(refresh), []);
  if (!info) return null;

  const size = (bytes: number) => formatSize(bytes, lng);
  return (
    <div class="storage" data-testid="storage-status">
      <p>{t('storage:usage', { used: size(info.usage), free: size(Math.max(0, info.quota - info.usage)) })}</p>
      {info.persisted ? (
        <p>{t('storage:persisted')}</p>
      ) : (
        <p>
          {t('storage:why')}{' '}
          <button type="button" onClick={() => void requestPersistentStorage().then(refresh)}>
            {t('storage:keep')}
          </button>
        </p>
      )}
    </div>
  );
}
