import { describe, expect, it } from 'vitest';
import { seriousViolations } from './axe.ts';
import { useChromium } from './browser.ts';
import { screenVisits, type Lang } from './screens.ts';

const sizes = [
  { name: 'phone', viewport: { width: 360, height: 740 } },
  { name: 'desktop', viewport: { width: 1280, height: 800 } },
] as const;

describe('WCAG 2.2 AA in Chromium (axe-core)', () => {
  const chromium = useChromium();

  for (const lang of ['vi', 'en'] as Lang[]) {
    for (const size of sizes) {
      it(`has no serious or critical violation on any screen, in ${lang}, on a ${size.name}, light and dark`, async () => {
        const { context, page } = await chromium.phone(lang === 'vi' ? 'vi-VN' : 'en-GB');
        await page.setViewportSize(size.viewport);
        const found: string[] = [];
        for (const screen of screenVisits) {
          await screen.open(page, lang);
          for (const colorScheme of ['light', 'dark'] as const) {
            await page.emulateMedia({ colorScheme });
            for (const v of await seriousViolations(page)) found.push(`${screen.name} (${colorScheme}): ${v.id} [${v.impact}] ${v.help} → ${v.targets.join(', ')}`);
          }
          await page.emulateMedia({ colorScheme: 'light' });
        }
        expect(found).toEqual([]);
        await context.close();
      }, 240_000);
    }
  }
});
