/**
 * Control characters, line and paragraph separators and bidirectional overrides: printed raw,
 * a name holding one could start a forged line in `list` or `report`, or reorder what follows.
 */
const unsafe = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** The text with every unsafe character written as an escape (\n, \u001b), for the terminal. */
export function printable(text: string): string {
  return text.replace(unsafe, (ch) => named[ch] ?? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** True when the text has something printable() would escape. */
export function hasUnsafeCharacters(text: string): boolean {
  return new RegExp(unsafe.source).test(text);
}
