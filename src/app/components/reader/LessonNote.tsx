import { useEffect, useRef, useState } from 'preact/hooks';
import { NOTE_MAX_LENGTH } from '../../../shared/lesson.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { announce } from '../../shell/announce.tsx';

interface Props {
  /** The saved note, as the data layer has it ('' for none). */
  saved: string;
  onSave: (text: string) => void;
}

/** The trainee's own note on the lesson; saved on request, so a half-typed thought is not synced. */
export function LessonNote({ saved, onSave }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState(saved);
  const [dirty, setDirty] = useState(false);
  // The effect below runs after the paint that follows a new saved note; typing may come in
  // between, so it asks this ref, set by the handlers, not its own render's `dirty`.
  const editing = useRef(false);
  // A note saved on another device arrives here unless the trainee is mid-edit.
  useEffect(() => {
    if (!editing.current) setText(saved);
  }, [saved]);
  return (
    <section class="lesson-note" aria-labelledby="note-title">
      <h2 id="note-title">{t('lesson:note.title')}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onSave(text.trim());
          editing.current = false;
          setDirty(false);
          announce(t('lesson:note.saved'));
        }}
      >
        <label for="lesson-note">{t('lesson:note.label')}</label>
        <textarea
          id="lesson-note"
          rows={4}
          maxLength={NOTE_MAX_LENGTH}
          value={text}
          onInput={(e) => {
            editing.current = true;
            setText(e.currentTarget.value);
            setDirty(true);
          }}
        />
        <p class="note-actions">
          <button type="submit" disabled={!dirty}>
            {t('lesson:note.save')}
          </button>
          <span>{!dirty && saved ? t('lesson:note.saved') : ''}</span>
        </p>
      </form>
    </section>
  );
}
