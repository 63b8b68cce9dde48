import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import type { Problems } from './content-error.ts';

/** Parses a YAML file or string; a syntax error is recorded with its line and yields undefined. */
export function parseYaml(file: string, text: string, problems: Problems, lineOffset = 0): unknown {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  // Only the first error: the ones after it are usually the parser losing its footing.
  const error = doc.errors[0];
  if (error) {
    const line = (error.linePos?.[0].line ?? 0) + lineOffset;
    const message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    problems.add(file, `YAML${line ? ` line ${line}` : ''}: ${message}`);
    return undefined;
  }
  return doc.toJS();
}

export function readYamlFile(file: string, problems: Problems): unknown {
  return parseYaml(file, readFileSync(file, 'utf8'), problems);
}

export interface MarkdownSource {
  frontMatter: unknown;
  body: string;
  /** Lines before the body, so a Markdown line number can be shown as a file line number. */
  bodyLine: number;
}

/** Splits a lesson file into its YAML front matter and its Markdown body. */
export function readMarkdownFile(file: string, problems: Problems): MarkdownSource | undefined {
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').normalize('NFC');
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!match) {
    problems.add(file, 'must start with YAML front matter between two "---" lines');
    return undefined;
  }
  const frontMatter = parseYaml(file, match[1]!, problems, 1);
  const bodyLine = match[0].split('\n').length - 1;
  return frontMatter === undefined ? undefined : { frontMatter, body: text.slice(match[0].length), bodyLine };
}
