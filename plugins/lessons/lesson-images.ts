import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashedCoursePath } from '../../src/shared/hashed-files.ts';
import type { ImageResolver } from './render-markdown.ts';

/**
 * Resolves image names to published paths named by a hash of their bytes (a changed picture
 * gets a new name, like the lesson JSON), collecting them in `images` for the build to emit.
 * Paths are root-relative, like every course file the app loads (Vite's base is "/").
 */
export function imagesIn(dir: string, images: Map<string, string>): ImageResolver {
  return (name) => {
    const source = join(dir, name);
    if (!existsSync(source)) return 'missing';
    const bytes = readFileSync(source);
    const size = name.endsWith('.svg') ? svgSize(bytes.toString('utf8')) : pngSize(bytes);
    if (!size) return 'unsized';
    const path = hashedCoursePath(`course/images/${name}`, createHash('sha256').update(bytes).digest('hex'));
    images.set(path, source);
    return { src: `/${path}`, ...size };
  };
}

type Size = { width: number; height: number } | undefined;

/** The root element's width and height in pixels (plain or px), else its viewBox's. */
function svgSize(svg: string): Size {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const attr = (name: string) => new RegExp(`\\s${name}=["']([^"']+)["']`).exec(root)?.[1];
  const pixels = (value: string | undefined) => (value && /^\d+(\.\d+)?(px)?$/.test(value.trim()) ? parseFloat(value) : NaN);
  const [width, height] = [pixels(attr('width')), pixels(attr('height'))];
  if (width > 0 && height > 0) return { width, height };
  const box = attr('viewBox')?.split(/[\s,]+/).map(Number);
  return box && box[2]! > 0 && box[3]! > 0 ? { width: box[2]!, height: box[3]! } : undefined;
}

/** A PNG's size, from its IHDR chunk (bytes 16 to 23). */
function pngSize(png: Buffer): Size {
  const signature = '89504e470d0a1a0a';
  if (png.length < 24 || png.subarray(0, 8).toString('hex') !== signature) return undefined;
  const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
  return width > 0 && height > 0 ? { width, height } : undefined;
}
