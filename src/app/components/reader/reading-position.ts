import { readStored, writeStored } from '../../../data/local-storage.ts';

/** Where the trainee was in a lesson: a section and a block (paragraph pair) within it. */
export interface ReadingPosition {
  sectionId: string;
  block: number;
}

const key = (lessonId: string) => `egov-learn.position.${lessonId}`;

const parse = (v: unknown): ReadingPosition | undefined => {
  const p = v as Partial<ReadingPosition> | null;
  return p && typeof p.sectionId === 'string' && typeof p.block === 'number' ? { sectionId: p.sectionId, block: p.block } : undefined;
};

export const loadPosition = (lessonId: string) => readStored(key(lessonId), parse);
export const savePosition = (lessonId: string, position: ReadingPosition) => writeStored(key(lessonId), position);

/** The block nearest the top of the screen (below the sticky app bar) and its offset on screen. */
export function topBlock(container: HTMLElement): (ReadingPosition & { top: number; el: HTMLElement }) | undefined {
  const header = document.querySelector('.app-bar')?.getBoundingClientRect().bottom ?? 0;
  const blocks = container.querySelectorAll<HTMLElement>('[data-block]');
  for (const el of blocks) {
    const rect = el.getBoundingClientRect();
    if (rect.bottom > header + 8) {
      const sectionId = el.closest<HTMLElement>('[data-section]')?.dataset.section;
      if (sectionId) return { sectionId, block: Number(el.dataset.block), top: rect.top, el };
    }
  }
  return undefined;
}

export function findBlock(container: HTMLElement, { sectionId, block }: ReadingPosition): HTMLElement | null {
  return container.querySelector<HTMLElement>(`[data-section="${CSS.escape(sectionId)}"] [data-block="${block}"]`);
}
