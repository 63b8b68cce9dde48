import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../locales');
type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}
const load = (lng: string, file: string) => flatten(JSON.parse(readFileSync(join(root, lng, file), 'utf8')));

// Strings that are the same in both languages on purpose (codes, proper names, placeholders only).
const sameInBoth = new Set<string>([]);
const vietnameseLetters = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;
const letters = /\p{L}{2,}/u;

describe('locales', () => {
  const files = readdirSync(join(root, 'vi')).sort();

  it('has the same files in both languages', () => {
    expect(readdirSync(join(root, 'en')).sort()).toEqual(files);
  });

  for (const file of files) {
    describe(file, () => {
      const vi = load('vi', file);
      const en = load('en', file);

      it('has every key in both languages', () => {
        expect([...vi.keys()].filter((k) => !en.has(k)), 'missing in en').toEqual([]);
        expect([...en.keys()].filter((k) => !vi.has(k)), 'missing in vi').toEqual([]);
      });

      it('has no empty strings', () => {
        for (const [k, v] of [...vi, ...en]) expect(v.trim(), k).not.toBe('');
      });

      it('uses the same {{placeholders}} in both languages', () => {
        const names = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
        for (const [k, v] of vi) expect(names(v), k).toEqual(names(en.get(k) ?? ''));
      });

      it('has Vietnamese with diacritics wherever the English has words', () => {
        const suspicious = [...vi]
          .filter(([k]) => !sameInBoth.has(`${file}:${k}`))
          .filter(([k, v]) => letters.test(en.get(k) ?? '') && (v === en.get(k) || !vietnameseLetters.test(v)))
          .map(([k, v]) => `${k}: "${v}"`);
        expect(suspicious).toEqual([]);
      });
    });
  }
});
