/**
 * Wording rules for the course's text that a reviewer would otherwise have to catch by eye:
 * the register of Vietnamese official training material, one spelling of words that Vietnamese
 * writes two ways, and one capitalisation of e-Government in English.
 */

const letter = String.raw`[\p{L}\p{M}\p{N}]`;

/**
 * "bạn" as a word, in any case. Lessons address IT heads impersonally or as "anh/chị"; "bạn" is
 * the register of a chat, not of training material for department heads. Words that merely
 * contain the letters (none in Vietnamese, but "bạnh" in a typo) and "ban" without the tone
 * ("ban hành", "Ban chỉ đạo") do not count.
 */
const informalYou = new RegExp(`(?<!${letter})bạn(?!${letter})`, 'giu');

/**
 * Vietnamese places the tone of an open "oa", "oe" or "uy" on the first vowel (old style: khóa,
 * hóa, xóa, khỏe, thủy) or on the second (new style: khoá, hoá, xoá, khoẻ, thuỷ). The course
 * uses the old style, as the lessons, the sources and the name "Cục Tin học hóa" do. A closed
 * syllable ("hoàn", "toán", "xoáy") has one spelling, and "qu" + y ("quý") is not "uy".
 */
const newStyleTone = new RegExp(`(?:o[áàảãạ]|o[éèẻẽẹ]|(?<!q)u[ýỳỷỹỵ])(?!${letter})`, 'giu');
const toOldStyle: Record<string, string> = {
  oá: 'óa', oà: 'òa', oả: 'ỏa', oã: 'õa', oạ: 'ọa',
  oé: 'óe', oè: 'òe', oẻ: 'ỏe', oẽ: 'õe', oẹ: 'ọe',
  uý: 'úy', uỳ: 'ùy', uỷ: 'ủy', uỹ: 'ũy', uỵ: 'ụy',
};

/** Lower-case "e-government": the course writes e-Government (E-Government at a sentence start). */
const lowerCaseEGovernment = /\b[eE]-government\b/g;

const wordAround = (text: string, index: number, length: number) => {
  const before = /[\p{L}\p{M}]*$/u.exec(text.slice(0, index))?.[0] ?? '';
  const after = /^[\p{L}\p{M}]*/u.exec(text.slice(index + length))?.[0] ?? '';
  return { before, after };
};

/** What is wrong with a piece of Vietnamese text, as messages naming the word and the fix. */
export function vietnameseWordingProblems(raw: string): string[] {
  const text = raw.normalize('NFC');
  const found: string[] = [];
  for (const m of text.matchAll(informalYou)) {
    found.push(`"${m[0]}" addresses the reader informally; write impersonally, or "anh/chị", or "học viên"`);
  }
  for (const m of text.matchAll(newStyleTone)) {
    const { before, after } = wordAround(text, m.index, m[0].length);
    const lower = m[0].toLowerCase();
    const fixed = matchCase(toOldStyle[lower] ?? lower, m[0]);
    found.push(`"${before}${m[0]}${after}": write "${before}${fixed}${after}" (the course puts the tone on the first vowel: khóa, hóa, xóa)`);
  }
  return found;
}

/** What is wrong with a piece of English text. */
export function englishWordingProblems(text: string): string[] {
  return [...text.matchAll(lowerCaseEGovernment)].map((m) => `"${m[0]}": write "${m[0][0]}-Government" (one capitalisation throughout)`);
}

function matchCase(replacement: string, original: string): string {
  return [...replacement].map((ch, i) => ([...original][i] === [...original][i]!.toUpperCase() ? ch.toUpperCase() : ch)).join('');
}
