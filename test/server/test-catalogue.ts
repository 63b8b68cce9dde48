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
