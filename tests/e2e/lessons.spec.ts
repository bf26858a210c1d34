// The course: every lesson renders in both languages with the same structure and the same
// demos, and every self-check quiz can be answered with the keyboard alone.
import { test, expect } from './fixtures.ts';
import type { Page } from '@playwright/test';
import { selfCheckStrings } from '../../src/i18n/self-check.ts';

const lessons = [
  'why-on-device',
  'tensorflow-and-keras',
  'what-is-tflite',
  'quantization',
  'how-much-faster',
  'accuracy',
  'converting',
  'running',
  'bring-your-own-model',
  'working-together',
] as const;
const langs = ['en', 'ja'] as const;
const pathOf = (lang: 'en' | 'ja', page: string) => (lang === 'en' ? `/${page}/` : `/ja/${page}/`);

interface Outline {
  title: string;
  headings: string[];
  islands: string[];
  diagrams: number;
}

async function outline(page: Page): Promise<Outline> {
  return page.evaluate(() => {
    const content = document.querySelector('.sl-markdown-content');
    const islands = [...document.querySelectorAll('astro-island')].map((el) => {
      const opts = el.getAttribute('opts');
      return opts ? (JSON.parse(opts) as { name: string }).name : '?';
    });
    return {
      title: document.querySelector('h1')?.textContent?.trim() ?? '',
      headings: [...(content?.querySelectorAll('h2, h3') ?? [])].map((h) => h.tagName),
      islands,
      diagrams: content?.querySelectorAll('figure.diagram svg[role="img"]').length ?? 0,
    };
  });
}

/** Decodes Astro's serialised island props ([0, value] plain, [1, array]) back into JSON. */
function decodeProps(value: unknown): unknown {
  if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'number') {
    const [kind, inner] = value as [number, unknown];
    if (kind === 1 && Array.isArray(inner)) return inner.map(decodeProps);
    return decodeProps(inner);
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decodeProps(v)]));
  }
  return value;
}

interface Question {
  q: string;
  options: string[];
  answer: number;
}

test.describe('lessons', () => {
  test('every lesson and the glossary render in both languages with matching structure and demos', async ({ page, problems }) => {
    for (const slug of [...lessons.map((l) => `lessons/${l}`), 'reference/glossary']) {
      await page.goto(pathOf('en', slug));
      const en = await outline(page);
      await page.goto(pathOf('ja', slug));
      const ja = await outline(page);
      expect(en.title, slug).not.toMatch(/^(TODO|[a-z-]+)$/);
      expect(ja.title, slug).not.toMatch(/^(TODO|[a-z-]+)$/);
      expect(ja.title, `${slug}: the Japanese page has its own title`).not.toBe(en.title);
      expect(ja.headings, `${slug}: headings`).toEqual(en.headings);
      expect(ja.islands, `${slug}: demos`).toEqual(en.islands);
      expect(ja.diagrams, `${slug}: diagrams`).toBe(en.diagrams);
      if (slug.startsWith('lessons/')) expect(en.islands, `${slug}: has a self-check`).toContain('SelfCheck');
    }
    expect(problems.failedRequests).toEqual([]);
  });

  for (const lang of langs) {
    for (const slug of lessons) {
      test(`self-check works by keyboard only: ${lang} ${slug}`, async ({ page, problems }) => {
        const t = selfCheckStrings[lang];
        await page.goto(pathOf(lang, `lessons/${slug}`));
        const island = page.locator('astro-island[opts*="SelfCheck"]');
        await island.scrollIntoViewIfNeeded();
        await expect(island).not.toHaveAttribute('ssr', /.*/); // hydrated
        const props = decodeProps(JSON.parse((await island.getAttribute('props')) ?? '{}')) as { questions: Question[] };
        const questions = props.questions;
        expect(questions.length).toBeGreaterThanOrEqual(2);

        const items = island.locator('.self-check__item');
        // Start on the first option of the first question; from here on, only the keyboard is used.
        await items.first().getByRole('radio').first().focus();

        for (const [qi, question] of questions.entries()) {
          const item = items.nth(qi);
          const group = item.getByRole('group');
          await expect(group).toContainText(question.q);
          const feedback = item.locator('[aria-live="polite"]');
          const wrong = question.answer === 0 ? 1 : 0;

          // A wrong answer first: Space selects the focused option, arrows move the selection.
          await page.keyboard.press('Space');
          for (let i = 0; i < wrong; i++) await page.keyboard.press('ArrowDown');
          await expect(item.getByRole('radio').nth(wrong)).toBeChecked();
          await page.keyboard.press('Tab');
          await expect(item.getByRole('button', { name: t.check })).toBeFocused();
          await page.keyboard.press('Enter');
          await expect(feedback).toContainText(t.incorrect);
          await expect(feedback).toContainText(question.options[question.answer]!);

          // Back into the group (Shift+Tab lands on the checked radio), then move to the right answer.
          await page.keyboard.press('Shift+Tab');
          await expect(item.getByRole('radio').nth(wrong)).toBeFocused();
          const steps = question.answer - wrong;
          for (let i = 0; i < Math.abs(steps); i++) await page.keyboard.press(steps > 0 ? 'ArrowDown' : 'ArrowUp');
          await expect(item.getByRole('radio').nth(question.answer)).toBeChecked();
          await expect(feedback).not.toContainText(t.incorrect); // a new choice clears the old verdict
          await page.keyboard.press('Tab');
          await page.keyboard.press('Space');
          await expect(feedback).toContainText(t.correct);

          // Tab on to the next question's first option.
          if (qi < questions.length - 1) {
            await page.keyboard.press('Tab');
            await expect(items.nth(qi + 1).getByRole('radio').first()).toBeFocused();
          }
        }
        const total = questions.length;
        await expect(island.locator('.self-check__score')).toHaveText(
          t.allDone.replace('{total}', String(total)).replace('{right}', String(total)),
        );
        expect(problems.consoleErrors).toEqual([]);
      });
    }
  }
});
