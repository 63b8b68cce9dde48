import MarkdownIt, { type Token } from 'markdown-it';
import sanitizeHtml from 'sanitize-html';
import type { Problems } from './content-error.ts';

/** One top-level block of a section, rendered: what pairs with the other language's block. */
export interface RenderedBlock {
  /** The block's tag (p, ul, blockquote…), so misaligned pairs can be caught. */
  kind: string;
  html: string;
  text: string;
  line: number;
  /** The image files the block shows, by name in the lesson folder; both languages must match. */
  images: string[];
}

export interface RenderedSection {
  id: string;
  /** Ids the section had in earlier versions (`{#id former=old-id,older-id}`). */
  formerIds: string[];
  title: string;
  blocks: RenderedBlock[];
  line: number;
}

export interface RenderedBody {
  sections: RenderedSection[];
  /** Glossary ids linked with `term:`, with the line of each first use. */
  terms: Map<string, number>;
}

// Raw HTML in Markdown is shown as text, not parsed: authors cannot inject markup.
const md = new MarkdownIt({ html: false, linkify: false, typographer: false });

const sanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'ul', 'ol', 'li', 'strong', 'em', 'code', 'pre', 'blockquote', 'h3', 'h4', 'br', 'hr', 'span', 'button', 'img'],
  allowedAttributes: { button: ['type', 'class', 'data-term'], ol: ['start'], img: ['src', 'alt', 'width', 'height', 'loading', 'decoding'] },
  // An image is one of the course's own files (see ImageResolver), never another site's.
  allowedSchemesByTag: { img: [] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'escape',
};

const idPattern = /\s*\{#([^}]*)\}\s*$/;
const kebab = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The published URL and size of an image file in the lesson folder, or undefined when there is
 * no such file. The size lets the page keep the picture's room before it loads, so the text
 * does not jump (and a restored reading place stays put).
 */
export type ImageResolver = (name: string) => { src: string; width: number; height: number } | 'missing' | 'unsized';

const imageName = /^[a-z0-9]+(?:-[a-z0-9]+)*\.(svg|png)$/;

/**
 * Renders a lesson body to sanitised HTML, split into `##` sections and their top-level blocks,
 * recording every problem (missing section ids, h1 headings, external links, images that are not
 * described or not in the lesson folder) against `file` with its line number.
 */
export function renderBody(file: string, body: string, bodyLine: number, problems: Problems, resolveImage: ImageResolver): RenderedBody {
  const tokens = md.parse(body, {});
  const sections: RenderedSection[] = [];
  const terms = new Map<string, number>();
  const lineOf = (t: Token) => bodyLine + (t.map?.[0] ?? 0) + 1;

  for (let i = 0; i < tokens.length; i++) {
    const open = tokens[i]!;
    const end = closingIndex(tokens, i);
    const line = lineOf(open);
    if (open.type === 'heading_open' && (open.tag === 'h1' || open.tag === 'h2')) {
      if (open.tag === 'h1') problems.add(file, `line ${line}: "#" headings are not allowed; the lesson title comes from the front matter`);
      const raw = inlineText(tokens[i + 1]!);
      if (open.tag === 'h2') {
        const { id, formerIds } = readSectionIds(file, line, raw, problems);
        sections.push({ id, formerIds, title: raw.replace(idPattern, '').trim(), blocks: [], line });
      }
      i = end;
      continue;
    }
    const slice = tokens.slice(i, end + 1);
    checkInline(file, slice, terms, lineOf, problems);
    const images = resolveImages(file, slice, lineOf, resolveImage, problems);
    termLinksToButtons(slice);
    const section = sections.at(-1);
    if (!section) {
      problems.add(file, `line ${line}: text before the first "##" section heading`);
    } else {
      const html = sanitizeHtml(md.renderer.render(slice, md.options, {}), sanitizeOptions).trim();
      section.blocks.push({ kind: open.tag || open.type, html, text: plainText(slice), line, images });
    }
    i = end;
  }
  return { sections, terms };
}

/** The ids in a section heading's `{#id}` or `{#id former=old-id,older-id}`, recording any problem. */
function readSectionIds(file: string, line: number, heading: string, problems: Problems): { id: string; formerIds: string[] } {
  const [id = '', ...attributes] = (idPattern.exec(heading)?.[1] ?? '').trim().split(/\s+/);
  if (!id) problems.add(file, `line ${line}: section heading "${heading}" has no {#section-id}`);
  else if (!kebab.test(id)) problems.add(file, `line ${line}: section id "${id}" must be kebab-case ASCII`);
  const formerIds: string[] = [];
  for (const attribute of attributes) {
    const former = /^former=(.+)$/.exec(attribute)?.[1]?.split(',');
    if (!former) problems.add(file, `line ${line}: "${attribute}" in {#${id} …}: only former=old-id,… may follow the id`);
    for (const old of former ?? []) {
      if (kebab.test(old)) formerIds.push(old);
      else problems.add(file, `line ${line}: former section id "${old}" must be kebab-case ASCII`);
    }
  }
  return { id, formerIds };
}

/** The index of the token closing the top-level block that starts at `start`. */
function closingIndex(tokens: Token[], start: number): number {
  if (tokens[start]!.nesting !== 1) return start;
  let depth = 0;
  for (let i = start; i < tokens.length; i++) {
    depth += tokens[i]!.nesting;
    if (depth === 0) return i;
  }
  return tokens.length - 1;
}

function checkInline(file: string, slice: Token[], terms: Map<string, number>, lineOf: (t: Token) => number, problems: Problems) {
  for (const block of slice) {
    for (const child of block.children ?? []) {
      if (child.type !== 'link_open') continue;
      const href = String(child.attrGet('href') ?? '');
      const term = /^term:(.*)$/.exec(href)?.[1];
      if (term === undefined) {
        problems.add(file, `line ${lineOf(block)}: link to "${href}": only term: links are allowed (write addresses as plain text)`);
      } else if (!terms.has(term)) {
        terms.set(term, lineOf(block));
      }
    }
  }
}

/**
 * Points each image at its published, content-hashed file, loaded lazily; returns the names of
 * the block's images. An image must be a file in the lesson folder and must say what it shows
 * (the `![…]` text), since a trainee on a slow line or with a screen reader may never see it.
 */
function resolveImages(file: string, slice: Token[], lineOf: (t: Token) => number, resolve: ImageResolver, problems: Problems): string[] {
  const names: string[] = [];
  for (const block of slice) {
    for (const child of block.children ?? []) {
      if (child.type !== 'image') continue;
      const src = String(child.attrGet('src') ?? '');
      const where = `line ${lineOf(block)}: image "${src}"`;
      if (!child.content.trim()) problems.add(file, `${where} needs a description: write it in ![…]`);
      const image = imageName.test(src) ? resolve(src) : undefined;
      if (!image) problems.add(file, `${where}: name a kebab-case .svg or .png file in the lesson folder`);
      else if (image === 'missing') problems.add(file, `${where} is not in the lesson folder`);
      else if (image === 'unsized') problems.add(file, `${where}: its width and height cannot be read (give the SVG a viewBox)`);
      if (typeof image === 'object') {
        child.attrSet('src', image.src);
        child.attrSet('width', String(image.width));
        child.attrSet('height', String(image.height));
      }
      child.attrSet('loading', 'lazy');
      child.attrSet('decoding', 'async');
      names.push(src);
    }
  }
  return names;
}

/**
 * A `term:` link becomes a button: it opens the glossary entry in place and never navigates.
 * Any other link (already reported as a problem) is reduced to its text.
 */
function termLinksToButtons(slice: Token[]) {
  for (const block of slice) {
    const open: string[] = [];
    for (const child of block.children ?? []) {
      if (child.type === 'link_open') {
        const term = /^term:(.*)$/.exec(String(child.attrGet('href') ?? ''))?.[1];
        child.tag = term ? 'button' : 'span';
        child.attrs = term ? [['type', 'button'], ['class', 'term'], ['data-term', term]] : null;
        open.push(child.tag);
      } else if (child.type === 'link_close') {
        child.tag = open.pop() ?? 'span';
      }
    }
  }
}

function inlineText(inline: Token): string {
  return (inline.children ?? [])
    .map((c) => (c.type === 'text' || c.type === 'code_inline' ? c.content : c.type.endsWith('break') ? ' ' : ''))
    .join('')
    .trim();
}

/** The block's words without markup, for search and reading-time estimates. */
function plainText(slice: Token[]): string {
  return slice
    .filter((t) => t.type === 'inline' || t.type === 'fence' || t.type === 'code_block')
    .map((t) => (t.type === 'inline' ? inlineText(t) : t.content.trim()))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}
