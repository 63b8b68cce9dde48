import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileCourse } from '../../plugins/lessons/compile-course.ts';
import type { SearchDoc } from '../../src/shared/lesson.ts';
import { findMatches, fold, queryWords, search } from '../../src/shared/search.ts';

const doc = (title: string, text: string, lang: 'vi' | 'en' = 'vi', id = 'x'): SearchDoc => ({ kind: 'section', lang, lessonId: 'l', id, title, text });
const marked = (r: { parts: Array<{ text: string; hit: boolean }> }) => r.parts.filter((p) => p.hit).map((p) => p.text);

describe('fold', () => {
  it('drops tone marks and vowel marks and lowers case', () => {
    expect(fold('Chính Phủ Điện Tử')).toBe('chinh phu dien tu');
    expect(fold('NGƯỜI DÂN ỨNG DỤNG')).toBe('nguoi dan ung dung');
  });

  it('turns đ and Đ into d, which Unicode decomposition alone would not', () => {
    expect(fold('đ Đ')).toBe('d d');
  });

  it('keeps every offset, so a match in the folded text highlights the original letters', () => {
    const text = 'Chuyển đổi số quốc gia';
    expect(fold(text)).toHaveLength(text.length);
  });

  it('treats decomposed input like composed input in queries', () => {
    expect(queryWords('Chi\u0301nh phu\u0309')).toEqual(['chinh', 'phu']);
  });
});

describe('search', () => {
  const docs = [
    doc('Chính phủ điện tử', 'Cơ quan nhà nước ứng dụng công nghệ thông tin.', 'vi', 'egov'),
    doc('Dữ liệu', 'Năm 2023 là năm dữ liệu số quốc gia.', 'vi', 'data'),
    doc('Tuần lễ', 'Một tuần học trực tuyến.', 'vi', 'week'),
    doc('Cybersecurity', 'Protecting e-Government systems from attacks.', 'en', 'cyber'),
  ];

  it('finds Vietnamese typed without diacritics ("chinh phu dien tu")', () => {
    const [first] = search(docs, 'chinh phu dien tu');
    expect(first?.doc.id).toBe('egov');
    expect(marked(first!.title)).toEqual(['Chính phủ điện tử']);
  });

  it('ignores case and matches đ with d in either direction', () => {
    expect(search(docs, 'DU LIEU').map((r) => r.doc.id)).toEqual(['data']);
    expect(search(docs, 'đu lieu').map((r) => r.doc.id)).toEqual(['data']);
    expect(search(docs, 'Điện')[0]?.doc.id).toBe('egov');
  });

  it('searches English text too', () => {
    const results = search(docs, 'e-government');
    expect(results.map((r) => r.doc.id)).toEqual(['cyber']);
    expect(marked(results[0]!.excerpt)).toEqual(['e-Government']);
  });

  it('matches whole words, so "tu" does not find "tuần" or "trực tuyến"', () => {
    expect(search(docs, 'tu').map((r) => r.doc.id)).toEqual(['egov']);
  });

  it('lets a longer last word match the start of a word while the trainee types', () => {
    expect(search(docs, 'cyber').map((r) => r.doc.id)).toEqual(['cyber']);
  });

  it('needs every word of the query somewhere in the document', () => {
    expect(search(docs, 'du lieu bong da')).toEqual([]);
    expect(search(docs, 'xyzzy')).toEqual([]);
    expect(search(docs, '   ')).toEqual([]);
  });

  it('ranks a phrase above its words scattered', () => {
    const more = [doc('A', 'số liệu về dữ kiện', 'vi', 'scattered'), doc('B', 'dữ liệu số', 'vi', 'phrase')];
    expect(search(more, 'du lieu').map((r) => r.doc.id)).toEqual(['phrase', 'scattered']);
    expect(search(more, 'du lieu')[0]!.excerpt.parts.filter((p) => p.hit).map((p) => p.text)).toEqual(['dữ liệu']);
  });

  it('highlights each occurrence and cuts a short excerpt around the first', () => {
    const long = 'Mở đầu. '.repeat(40) + 'Chính phủ điện tử là mục tiêu. ' + 'Kết thúc. '.repeat(40);
    const [r] = search([doc('T', long)], 'chinh phu');
    const text = r!.excerpt.parts.map((p) => p.text).join('');
    expect(marked(r!.excerpt)).toEqual(['Chính phủ']);
    expect(text.length).toBeLessThan(260);
    expect(text.startsWith('… ')).toBe(true);
  });

  it('reports where each word is when there is no phrase', () => {
    const m = findMatches('Điện toán đám mây và điện tử', ['dam', 'may']);
    expect(m.phrase).toBe(true);
    expect(m.ranges).toEqual([{ start: 10, end: 17 }]);
  });
});

describe('search over the real course index', () => {
  const { search: index } = compileCourse(join(import.meta.dirname, '../../content'));

  it('finds lessons and the glossary in both languages without diacritics', () => {
    const vi = search(index.docs, 'chinh phu dien tu');
    expect(vi.length).toBeGreaterThan(3);
    expect(vi[0]!.doc).toMatchObject({ kind: 'term', id: 'e-government', lang: 'vi' });
    expect(vi.some((r) => r.doc.kind === 'section')).toBe(true);
    const en = search(index.docs, 'cloud computing');
    expect(en.some((r) => r.doc.lang === 'en' && r.doc.kind === 'section')).toBe(true);
  });

  it('finds nothing for words the course does not use', () => {
    expect(search(index.docs, 'bong da world cup')).toEqual([]);
  });

  it('stays small: one plain-text copy of the course', () => {
    expect(JSON.stringify(index).length).toBeLessThan(150_000);
  });
});
