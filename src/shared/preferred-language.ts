/**
 * English for a reader whose first Vietnamese-or-English language is English, else Vietnamese:
 * the course is Vietnamese first, so an unknown or other language gets Vietnamese. The app
 * applies it to the phone's languages, the server to the Accept-Language header.
 */
export function preferredLanguage(tags: readonly string[]): 'vi' | 'en' {
  const first = tags.find((tag) => /^(vi|en)\b/i.test(tag));
  return first?.toLowerCase().startsWith('en') ? 'en' : 'vi';
}
