import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/app/i18n/language.ts';

describe('detectLanguage', () => {
  it('opens in Vietnamese on a Vietnamese phone', () => {
    expect(detectLanguage(null, ['vi-VN', 'en-US'])).toBe('vi');
  });
  it('opens in English on an English phone', () => {
    expect(detectLanguage(null, ['en-GB'])).toBe('en');
  });
  it('opens in Vietnamese when the language is unknown or neither', () => {
    expect(detectLanguage(null, [])).toBe('vi');
    expect(detectLanguage(null, ['fr-FR'])).toBe('vi');
  });
  it('prefers the first of Vietnamese or English among the phone languages', () => {
    expect(detectLanguage(null, ['fr-FR', 'en-US', 'vi'])).toBe('en');
  });
  it('keeps the choice the trainee made over the phone language', () => {
    expect(detectLanguage('en', ['vi-VN'])).toBe('en');
    expect(detectLanguage('vi', ['en-US'])).toBe('vi');
  });
  it('ignores a stored value that is not a language', () => {
    expect(detectLanguage('xx', ['en-US'])).toBe('en');
  });
});
