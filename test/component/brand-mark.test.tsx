import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { BrandMark } from '../../src/app/shell/icons.tsx';

/** Each drawn element's name and attributes, in order, as a comparable list. */
const shapes = (svg: Element) =>
  [...svg.children].map((el) => [el.localName, Object.fromEntries([...el.attributes].map((a) => [a.name, a.value]))]);

describe('the app bar mark', () => {
  it('draws the same shapes as public/icons/icon.svg, the icon the home screen and the browser show', () => {
    const file = readFileSync(join(import.meta.dirname, '../../public/icons/icon.svg'), 'utf8');
    const icon = new DOMParser().parseFromString(file, 'image/svg+xml').documentElement;
    const { container } = render(<BrandMark />);
    const mark = container.querySelector('svg')!;
    expect(mark.getAttribute('viewBox')).toBe(icon.getAttribute('viewBox'));
    expect(shapes(icon)).toHaveLength(4);
    expect(shapes(mark)).toEqual(shapes(icon));
  });
});
