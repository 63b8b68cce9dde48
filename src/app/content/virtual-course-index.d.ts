// Provided by plugins/lessons: the lesson list compiled from content/ at build time.
declare module 'virtual:course-index' {
  const index: import('../../shared/lesson.ts').CourseIndex;
  export default index;
}
