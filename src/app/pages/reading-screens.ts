// The lesson, final assessment, glossary and search screens in one lazy chunk: they share the
// loaders, the quiz and the glossary entry view, and as separate chunks a lesson opened by its
// address made three requests.
export { FinalAssessmentPage } from './FinalAssessmentPage.tsx';
export { GlossaryPage } from './GlossaryPage.tsx';
export { LessonPage } from './LessonPage.tsx';
export { SearchPage } from './SearchPage.tsx';
