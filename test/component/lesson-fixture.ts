import { join } from 'node:path';
import { compileCourse } from '../../plugins/lessons/compile-course.ts';
import type { Lesson } from '../../src/shared/lesson.ts';

/** The small fixture lesson (4 sections, 4 questions, 2 glossary terms), compiled for real. */
export const fixtureLesson: Lesson = compileCourse(join(import.meta.dirname, '../unit/fixtures/course')).lessons[0]!;

type Callback = (entries: Array<Partial<IntersectionObserverEntry>>) => void;

/** An IntersectionObserver the test drives: `show(el)` says el fills the screen, `hide(el)` that it left. */
export class FakeIntersectionObserver {
  static all: FakeIntersectionObserver[] = [];
  targets: Element[] = [];
  constructor(readonly callback: Callback) {
    FakeIntersectionObserver.all.push(this);
  }
  observe(el: Element) {
    this.targets.push(el);
  }
  unobserve() {}
  disconnect() {
    this.targets = [];
  }
  static set(el: Element, visible: boolean) {
    for (const io of FakeIntersectionObserver.all.filter((o) => o.targets.includes(el))) {
      io.callback([
        {
          target: el,
          isIntersecting: visible,
          intersectionRatio: visible ? 1 : 0,
          intersectionRect: { height: visible ? 600 : 0 } as DOMRectReadOnly,
          rootBounds: { height: 740 } as DOMRectReadOnly,
        },
      ]);
    }
  }
}
