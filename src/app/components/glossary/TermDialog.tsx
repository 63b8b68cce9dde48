import { useEffect, useRef } from 'preact/hooks';
import type { GlossaryEntry } from '../../../shared/lesson.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { GlossaryEntryView } from './GlossaryEntryView.tsx';

interface Props {
  entry: GlossaryEntry | undefined;
  onClose: () => void;
}

/**
 * A tapped glossary term, as a modal dialog: Escape or the close button dismiss it, and the
 * browser returns focus to the term that opened it.
 */
export function TermDialog({ entry, onClose }: Props) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (entry && !el.open) el.showModal();
    if (!entry && el.open) el.close();
  }, [entry]);
  return (
    <dialog
      ref={dialog}
      class="term-dialog"
      aria-label={t('lesson:glossary.dialogLabel')}
      onClose={onClose}
      onClick={(e) => e.target === dialog.current && dialog.current?.close()}
    >
      {entry && (
        <>
          <GlossaryEntryView entry={entry} headingLevel={2} />
          <p class="dialog-actions">
            <a href={`/glossary#term-${entry.id}`}>{t('lesson:glossary.openAll')}</a>
            <button type="button" class="primary" onClick={() => dialog.current?.close()}>
              {t('lesson:glossary.close')}
            </button>
          </p>
        </>
      )}
    </dialog>
  );
}
