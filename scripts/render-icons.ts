// Renders the app's PNG icons from the SVGs in public/icons with the machine's Chromium.
// Run by hand after changing an SVG: `npx tsx scripts/render-icons.ts`; the PNGs are committed.
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { chromiumPath, chromiumArgs } from '../test/e2e/chromium.ts';

const jobs = [
  { svg: 'icon.svg', out: 'icon-192.png', size: 192 },
  { svg: 'icon.svg', out: 'icon-512.png', size: 512 },
  { svg: 'icon-maskable.svg', out: 'icon-maskable-512.png', size: 512 },
  // iOS draws its own rounded corners and shows transparency as black: use the full-bleed art.
  { svg: 'icon-maskable.svg', out: 'apple-touch-icon.png', size: 180 },
];

const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
const page = await browser.newPage();
for (const { svg, out, size } of jobs) {
  const markup = readFileSync(`public/icons/${svg}`, 'utf8');
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${markup}`,
  );
  await page.screenshot({ path: `public/icons/${out}`, omitBackground: true });
}
await browser.close();
