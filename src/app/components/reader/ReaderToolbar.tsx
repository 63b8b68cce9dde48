import { useTranslation } from '../../i18n/use-translation.ts';
import { readingModes, textSizes, type ReadingMode } from './reader-prefs.ts';

interface Props {
  mode: ReadingMode;
  onMode: (mode: ReadingMode) => void;
  size: number;
  onSize: (size: number) => void;
}

/** Reading mode (Vietnamese, English, both) and text size, as plain buttons with pressed state. */
export function ReaderToolbar({ mode, onMode, size, onSize }: Props) {
  const { t } = useTranslation();
  return (
    <div class="reader-toolbar">
      <div class="segmented" role="group" aria-label={t('lesson:reader.modeLabel')}>
        {readingModes.map((m) => (
          <button key={m} type="button" aria-pressed={mode === m} onClick={() => onMode(m)}>
            {t(`lesson:reader.mode.${m}`)}
          </button>
        ))}
      </div>
      <div class="segmented" role="group" aria-label={t('lesson:reader.sizeLabel')}>
        <button type="button" onClick={() => onSize(size - 1)} disabled={size === 0} aria-label={t('lesson:reader.smaller')}>
          A−
        </button>
        <button type="button" onClick={() => onSize(size + 1)} disabled={size === textSizes.length - 1} aria-label={t('lesson:reader.larger')}>
          A+
        </button>
      </div>
    </div>
  );
}
