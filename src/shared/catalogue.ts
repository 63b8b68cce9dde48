/**
 * What the server needs to know of the course to refuse events that point nowhere: each
 * lesson's section and question ids. Built from content/ by the lessons pipeline.
 */
export interface Catalogue {
  lessons: Array<{ id: string; sections: string[]; questions: Array<{ id: string; options: string[] }> }>;
}
