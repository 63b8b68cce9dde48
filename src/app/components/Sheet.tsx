import type { ComponentChildren } from 'preact';
import { useId, useLayoutEffect, useRef } from 'preact/hooks';
import { useTranslation } from '../i18n/use-translation.ts';
import { Icon } from '../shell/icons.tsx';

interface Props {
  title: string;
  onClose: () => void;
  children: ComponentChildren;
}

/**
 * A bottom sheet: a modal dialog along the bottom edge of a phone (centred on a wide screen).
 * The browser keeps focus inside it, Escape and a tap outside close it, and focus returns to
 * the button that opened it.
 */
export function Sheet({ title, onClose, children }: Props) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useLayoutEffect(() => {
    const el = dialog.current;
    if (el && !el.open) el.showModal();
  }, []);
  return (
    <dialog
      ref={dialog}
      class="sheet"
      aria-labelledby={titleId}
      onClose={onClose}
      onClick={(e) => e.target === dialog.current && dialog.current?.close()}
    >
      <div class="sheet-head">
        <h2 id={titleId}>{title}</h2>
        <button type="button" class="bar-button" aria-label={t('me:settings.close')} onClick={() => dialog.current?.close()}>
          <Icon name="close" />
        </button>
      </div>
      <div class="sheet-body">{children}</div>
    </dialog>
  );
}
