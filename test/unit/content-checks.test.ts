import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalFigure, figureSources, figuresIn, undeclaredFigures } from '../../plugins/lessons/check-figures.ts';
import { normalisedPrompt } from '../../plugins/lessons/check-duplicates.ts';
import { englishWordingProblems, vietnameseWordingProblems } from '../../plugins/lessons/check-wording.ts';

const root = join(import.meta.dirname, '../..');

describe('the register check', () => {
  it('refuses "bạn" as a word, in any case and however its diacritics are composed', () => {
    for (const text of ['Vai trò của bạn', 'Bạn nên làm gì?', 'BẠN', 'của ba\u0323n.', '(bạn)']) {
      expect(vietnameseWordingProblems(text), text).toEqual([expect.stringContaining('addresses the reader informally')]);
    }
  });

  it('leaves words that only look alike: "ban", "Ban", "bản", "bàn"', () => {
    for (const text of ['ban hành văn bản', 'Ban chỉ đạo', 'bản đồ', 'bàn bạc', 'Abạn']) expect(vietnameseWordingProblems(text), text).toEqual([]);
  });
});

describe('the spelling check (tone on the first vowel of an open oa, oe, uy)', () => {
  it('refuses the other spelling of khóa in every case form, naming the fix', () => {
    expect(vietnameseWordingProblems('khoá học')).toEqual([expect.stringContaining('"khoá": write "khóa"')]);
    expect(vietnameseWordingProblems('Khoá học')).toEqual([expect.stringContaining('"Khoá": write "Khóa"')]);
    expect(vietnameseWordingProblems('KHOÁ HỌC')).toEqual([expect.stringContaining('"KHOÁ": write "KHÓA"')]);
    expect(vietnameseWordingProblems('kho\u0061\u0301 học')).toEqual([expect.stringContaining('write "khóa"')]);
  });

  it('refuses the same placement in other words: hoá, xoá, khoẻ, thuỷ', () => {
    expect(vietnameseWordingProblems('Tin học hoá, xoá bỏ, khoẻ, thuỷ lợi')).toHaveLength(4);
  });

  it('accepts the course spelling and the syllables that have only one: khóa, hoàn, toán, xoáy, quý, quả', () => {
    expect(vietnameseWordingProblems('khóa học, Cục Tin học hóa, hoàn thành, toán, xoáy, quý, kết quả, thủy')).toEqual([]);
  });
});

describe('the e-Government capitalisation check', () => {
  it('refuses e-government and E-government, and accepts e-Government and E-Government', () => {
    expect(englishWordingProblems('in e-government and E-government')).toHaveLength(2);
    expect(englishWordingProblems('e-Government. E-Government Development Index')).toEqual([]);
  });
});

describe('figures', () => {
  it('finds figures with their separators, one spelling for both languages', () => {
    expect(figuresIn('204.397 cán bộ; 11,91% năm 2021; phiên bản 2.0; ngày 04/12/2019')).toEqual(['204.397', '11.91', '2021', '2.0', '4', '12', '2019']);
    expect(figuresIn('204,397 officials; 11.91% in 2021, 2022.')).toEqual(['204.397', '11.91', '2021', '2022']);
    expect(canonicalFigure('04')).toBe('4');
    expect(canonicalFigure('0')).toBe('0');
  });

  it('counts ordinals and document numbers but not digits inside names or lesson cross-references', () => {
    expect(figuresIn('ranked 88th; Resolution 17/NQ-CP')).toEqual(['88', '17']);
    expect(figuresIn('COVID-19, H2O, bài 5, Bài 3, Lesson 4')).toEqual([]);
  });

  it('accepts a declared figure in either spelling and reports the others once each', () => {
    const declared = figureSources({ '001': ['204.397', '11,91'] });
    expect(undeclaredFigures('204,397 and 11.91% and 42, 42', declared)).toEqual(['42']);
    expect(declared.get('11.91')).toBe('001');
  });
});

describe('repeated prompts', () => {
  it('compare letters and digits only, whatever the case, spacing, punctuation or composition', () => {
    expect(normalisedPrompt('Thành phố  nào?')).toBe(normalisedPrompt('thành phố nào'));
    expect(normalisedPrompt('Tha\u0300nh phố nào')).toBe(normalisedPrompt('Thành phố nào'));
    expect(normalisedPrompt('Thành phố nào?')).not.toBe(normalisedPrompt('Tỉnh nào?'));
  });
});

describe('the UI strings', () => {
  it('use the course spelling and capitalisation: locales, the manifest and the page description', () => {
    const localeFiles = (lang: string) => readdirSync(join(root, 'locales', lang)).map((f) => join(root, 'locales', lang, f));
    const vietnamese = [...localeFiles('vi'), join(root, 'plugins/app-manifest.ts'), join(root, 'index.html')];
    for (const file of vietnamese) {
      const problems = vietnameseWordingProblems(readFileSync(file, 'utf8')).filter((p) => !p.includes('informally'));
      expect(problems, file).toEqual([]);
    }
    for (const file of localeFiles('en')) expect(englishWordingProblems(readFileSync(file, 'utf8')), file).toEqual([]);
  });
});
