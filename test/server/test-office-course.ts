import type { OfficeCourse } from '../../src/shared/office-course.ts';

/** The titles, prompts and answer key of the test catalogue's course, as the build would write them. */
export const testOfficeCourse: OfficeCourse = {
  lessons: [
    {
      id: 'digital-government',
      title: { vi: 'Chính phủ số', en: 'Digital government' },
      sections: 3,
      questions: [
        {
          id: 'q-goal',
          prompt: { vi: 'Mục tiêu của Chính phủ số là gì?', en: 'What is the goal of digital government?' },
          options: [
            { id: 'a', vi: 'Mua thêm máy tính', en: 'Buying more computers' },
            { id: 'b', vi: 'Phục vụ người dân tốt hơn', en: 'Serving people better' },
            { id: 'c', vi: 'Giảm số cán bộ', en: 'Fewer officials' },
          ],
          correct: ['b'],
        },
        {
          id: 'q-law',
          prompt: { vi: 'Văn bản nào là nền tảng?', en: 'Which document is the foundation?' },
          options: [
            { id: 'a', vi: 'Nghị quyết 17', en: 'Resolution 17' },
            { id: 'b', vi: 'Một bài báo', en: 'A newspaper article' },
          ],
          correct: ['a'],
        },
      ],
    },
    { id: 'data-sharing', title: { vi: 'Chia sẻ dữ liệu', en: 'Data sharing' }, sections: 2, questions: [] },
  ],
};
