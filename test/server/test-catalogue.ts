import type { Catalogue } from '../../src/shared/catalogue.ts';

/** A two-lesson course, small enough to read at a glance; the server tests' events point into it. */
export const testCatalogue: Catalogue = {
  lessons: [
    {
      id: 'digital-government',
      sections: ['what-is-it', 'why-now', 'roadmap'],
      questions: [
        { id: 'q-goal', options: ['a', 'b', 'c'] },
        { id: 'q-law', options: ['a', 'b'] },
      ],
    },
    { id: 'data-sharing', sections: ['intro', 'platforms'], questions: [] },
  ],
};

/**
 * The same course after an update that renamed things: "what-is-it" became "overview", the
 * lesson "data-sharing" became "sharing-data", and its section "intro" became "basics".
 */
export const renamedCatalogue: Catalogue = {
  lessons: [
    {
      ...testCatalogue.lessons[0]!,
      sections: ['overview', 'why-now', 'roadmap'],
      formerSectionIds: { 'what-is-it': 'overview' },
    },
    { id: 'sharing-data', formerIds: ['data-sharing'], sections: ['basics', 'platforms'], formerSectionIds: { intro: 'basics' }, questions: [] },
  ],
};
