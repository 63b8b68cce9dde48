import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Lesson } from '../../../shared/lesson.ts';
import { TermDialog } from '../glossary/TermDialog.tsx';
import { LessonSection } from './LessonSection.tsx';
import { textSizes, type ReadingMode } from '../../settings/reading-prefs.ts';
import { saveLastRead } from './last-read.ts';
import { findBlock, loadPosition, savePosition, topBlock, type ReadingPosition } from './reading-position.ts';
import { useSectionDwell } from './use-section-dwell.ts';

interface Props {
  lesson: Lesson;
  mode: ReadingMode;
  size: number;
  sectionsRead: readonly string[];
  onSectionRead: (sectionId: string) => void;
  bookmarks?: readonly string[] | undefined;
  onBookmark?: ((sectionId: string, on: boolean) => void) | undefined;
  /** Open at this section (a search result, a bookmark) instead of where the trainee left off. */
  startAt?: string | undefined;
  /** Reopen where the trainee left off (false: the page opens somewhere else, the note say). */
  keepPlace?: boolean | undefined;
  /** Draw only this many sections for now (the first paint of a lesson opened at its top). */
  sectionsShown?: number | undefined;
}

/**
 * The lesson's sections in the chosen mode. It marks sections read after their dwell time,
 * remembers the paragraph at the top of the screen so the lesson reopens there (and the home
 * screen's "continue" card leads there), and keeps that paragraph in place when the mode or text
 * size changes.
 */
export function LessonReader({ lesson, mode, size, sectionsRead, onSectionRead, bookmarks = [], onBookmark, startAt, keepPlace = true, sectionsShown }: Props) {
  const sections = sectionsShown === undefined ? lesson.sections : lesson.sections.slice(0, sectionsShown);
  const container = useRef<HTMLDivElement>(null);
  const [term, setTerm] = useState<string>();
  const here = useRef<ReturnType<typeof topBlock>>(undefined);
  // The sections drawn so far: their dwell starts again (within a frame) when the rest arrive.
  const words = useMemo(() => Object.fromEntries(sections.map((s) => [s.id, s.words])), [lesson, sections.length]);
  useSectionDwell(container, words, sectionsRead, onSectionRead);

  // Reopen where the trainee left off, or at the section asked for.
  useEffect(() => {
    const root = container.current;
    const target: ReadingPosition | undefined = startAt ? { sectionId: startAt, block: 0 } : keepPlace ? loadPosition(lesson.id) : undefined;
    if (!root || !target) return;
    const el = startAt ? root.querySelector<HTMLElement>(`#section-${CSS.escape(startAt)}`) : findBlock(root, target);
    el?.scrollIntoView({ block: 'start' });
  }, [lesson.id, startAt]);

  // Track the paragraph at the top of the screen; save it, a little after scrolling stops.
  useEffect(() => {
    let frame = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onScroll = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        if (!container.current) return;
        here.current = topBlock(container.current);
        clearTimeout(timer);
        timer = setTimeout(() => {
          const place = here.current;
          if (!place) return;
          savePosition(lesson.id, { sectionId: place.sectionId, block: place.block });
          const section = lesson.sections.find((s) => s.id === place.sectionId);
          if (section) saveLastRead({ lessonId: lesson.id, sectionId: section.id, sectionTitle: section.title });
        }, 400);
      });
    };
    onScroll();
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      window.removeEventListener('scroll', onScroll);
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [lesson.id]);

  // After a mode or size change, put the same paragraph back where it was on screen.
  const first = useRef(true);
  useLayoutEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const was = here.current;
    const root = container.current;
    // At the very top there is nothing to keep in place: stay there.
    if (!was || !root || window.scrollY === 0) return;
    const el = findBlock(root, was);
    if (el) window.scrollBy(0, el.getBoundingClientRect().top - was.top);
  }, [mode, size]);

  const onClick = (event: MouseEvent) => {
    const button = (event.target as Element).closest<HTMLElement>('button.term');
    if (button?.dataset.term) setTerm(button.dataset.term);
  };

  return (
    <div
      ref={container}
      class={`lesson-text mode-${mode}`}
      style={{ '--reader-scale': String(textSizes[size] ?? 1) }}
      onClick={onClick}
    >
      {sections.map((s) => (
        <LessonSection
          key={s.id}
          section={s}
          mode={mode}
          read={sectionsRead.includes(s.id)}
          bookmarked={bookmarks.includes(s.id)}
          onBookmark={(on) => onBookmark?.(s.id, on)}
        />
      ))}
      <TermDialog entry={lesson.terms.find((g) => g.id === term)} onClose={() => setTerm(undefined)} />
    </div>
  );
}
