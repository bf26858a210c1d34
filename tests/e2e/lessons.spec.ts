// The course: every lesson renders in both languages with the same structure and the same
// demos, and every self-check quiz can be answered with the keyboard alone.
import { test, expect, openLab } from './fixtures.ts';
import type { Page } from '@playwright/test';
import { selfCheckStrings } from '../../src/i18n/self-check.ts';
import { mistakeIds } from '../../src/lib/classify/mistakes.ts';

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
  /** Where the lesson frame sits: the goals box must come first in the content, the takeaways last before the "next" card. */
  frame: { goals: number; minutes: boolean; goalsFirst: boolean; takeaways: number; takeawaysLast: boolean };
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
      frame: (() => {
        const goals = content?.querySelectorAll('.lesson-goals') ?? [];
        const takeaways = content?.querySelectorAll('.key-takeaways') ?? [];
        const firstHeading = content?.querySelector('h2');
        const lastH2 = [...(content?.querySelectorAll('h2') ?? [])].at(-1);
        const before = (a: Element | undefined, b: Element | null | undefined) =>
          !!a && (!b || !!(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING));
        return {
          goals: goals.length,
          minutes: /\d/.test(goals[0]?.querySelector('.lesson-goals__time')?.textContent ?? ''),
          goalsFirst: before(goals[0], firstHeading),
          takeaways: takeaways.length,
          takeawaysLast: !!takeaways[0] && takeaways[0].querySelector('h2') === lastH2,
        };
      })(),
    };
  });
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
      if (slug.startsWith('lessons/')) {
        expect(en.islands, `${slug}: has a self-check`).toContain('SelfCheck');
        for (const [lang, o] of [['en', en], ['ja', ja]] as const) {
          // Opens with what the reader will be able to do and how long it takes; closes with key takeaways.
          expect(o.frame, `${slug} (${lang}): lesson frame`).toEqual({ goals: 1, minutes: true, goalsFirst: true, takeaways: 1, takeawaysLast: true });
        }
      }
    }
    expect(problems.failedRequests).toEqual([]);
  });

  test('the symptom table links every classic mistake to the live classifier, in both languages', async ({ page, problems }) => {
    for (const lang of langs) {
      await page.goto(pathOf(lang, 'lessons/running'));
      const links = page.locator('.lesson-table a[data-mistake]');
      const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      const prefix = lang === 'en' ? '/labs/classifier/' : '/ja/labs/classifier/';
      expect(hrefs.sort()).toEqual(mistakeIds.map((id) => `${prefix}?mistake=${id}`).sort());
    }
    // A link lands on the classifier page (the mistake mode itself is the classifier's own test).
    await page.locator('.lesson-table a[data-mistake="bgr"]').click();
    await expect(page).toHaveURL(/\/ja\/labs\/classifier\/\?mistake=bgr$/);
    await expect(page.locator('.clf')).toBeAttached();
    expect(problems.failedRequests).toEqual([]);
  });

  for (const lang of langs) {
    for (const slug of lessons) {
      test(`self-check works by keyboard only: ${lang} ${slug}`, async ({ page }) => {
        const t = selfCheckStrings[lang];
        const quiz = await openLab(page, pathOf(lang, `lessons/${slug}`), 'self-check');
        const items = quiz.locator('.self-check__item');
        const count = await items.count();
        expect(count).toBeGreaterThanOrEqual(2);
        // Start on the first option of the first question; from here on, only the keyboard is used.
        await items.first().getByRole('radio').first().focus();

        for (let qi = 0; qi < count; qi++) {
          const item = items.nth(qi);
          const radios = item.getByRole('radio');
          const options = item.locator('.self-check__option');
          const feedback = item.locator('[aria-live="polite"]');
          const check = item.getByRole('button', { name: t.check });

          // Try the first option (Space selects the focused one) and check it.
          await page.keyboard.press('Space');
          await expect(radios.first()).toBeChecked();
          await page.keyboard.press('Tab');
          await expect(check).toBeFocused();
          await page.keyboard.press('Enter');
          await expect(feedback).toHaveAttribute('data-verdict', /right|wrong/);
          let at = 0;
          if ((await feedback.getAttribute('data-verdict')) === 'right') {
            await expect(feedback).toContainText(t.correct);
            // The first option was right: go back and pick the second to see a wrong answer too.
            await expect(options.first()).toHaveAttribute('data-state', 'right');
            await page.keyboard.press('Shift+Tab');
            await page.keyboard.press('ArrowDown');
            at = 1;
            await expect(radios.nth(1)).toBeChecked();
            await expect(feedback).not.toHaveAttribute('data-verdict', /.*/); // a new choice clears the old verdict
            await page.keyboard.press('Tab');
            await page.keyboard.press('Enter');
          }
          // A wrong answer: "Not quite", never a "right"/"correct" verdict in the same feedback, the chosen
          // option marked wrong and exactly one other option marked as the right answer.
          await expect(feedback).toHaveAttribute('data-verdict', 'wrong');
          await expect(feedback).toContainText(t.incorrect);
          await expect(feedback).not.toContainText(/\b(Right|Correct)\b[:.]|そのとおり|(?<!不)正解です。/);
          await expect(options.nth(at)).toHaveAttribute('data-state', 'wrong');
          const marked = item.locator('.self-check__option[data-state="answer"]');
          await expect(marked).toHaveCount(1);
          await expect(marked).toContainText(t.rightTag);
          const states = await options.evaluateAll((els) => els.map((el) => el.getAttribute('data-state')));
          const answer = states.indexOf('answer');
          const answerText = (await options.nth(answer).locator('span').first().textContent())!;
          await expect(feedback).toContainText(answerText);

          // Back into the group (Shift+Tab lands on the checked radio), then move to the marked answer.
          await page.keyboard.press('Shift+Tab');
          await expect(radios.nth(at)).toBeFocused();
          const steps = answer - at;
          for (let i = 0; i < Math.abs(steps); i++) await page.keyboard.press(steps > 0 ? 'ArrowDown' : 'ArrowUp');
          await expect(radios.nth(answer)).toBeChecked();
          await expect(feedback).not.toHaveAttribute('data-verdict', /.*/);
          await page.keyboard.press('Tab');
          await page.keyboard.press('Space');
          await expect(feedback).toHaveAttribute('data-verdict', 'right');
          await expect(feedback).toContainText(t.correct);
          await expect(feedback).not.toContainText(t.incorrect);
          await expect(options.nth(answer)).toHaveAttribute('data-state', 'right');

          // Tab on to the next question's first option.
          if (qi < count - 1) {
            await page.keyboard.press('Tab');
            await expect(items.nth(qi + 1).getByRole('radio').first()).toBeFocused();
          }
        }
        // Every question ends answered right; the first attempts were wrong but only the last check counts.
        await expect(quiz.locator('.self-check__score')).toHaveText(
          t.allDone.replace('{total}', String(count)).replace('{right}', String(count)),
        );
      });
    }
  }
});
