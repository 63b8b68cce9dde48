import { useTranslation } from '../../i18n/use-translation.ts';
import { Sheet } from '../Sheet.tsx';
import { ReadingSettings } from './ReadingSettings.tsx';

/** The reading settings sheet, opened by the app bar's settings button. */
export function SettingsSheet({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Sheet title={t('me:settings.title')} onClose={onClose}>
      <ReadingSettings />
    </Sheet>
  );
}
