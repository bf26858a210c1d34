// A `page` fixture that records console errors, page errors and failed or foreign requests,
// and fails the test when any occurred (opt out per message with `allowConsole`).
import { test as base, expect, type Page } from '@playwright/test';

export interface PageProblems {
  consoleErrors: string[];
  failedRequests: string[];
  foreignRequests: string[];
  /** Regexes of console messages a test expects (e.g. a deliberately broken file). */
  allowConsole: RegExp[];
}

export const test = base.extend<{ problems: PageProblems }>({
  problems: async ({ page, baseURL }, use) => {
    const problems: PageProblems = { consoleErrors: [], failedRequests: [], foreignRequests: [], allowConsole: [] };
    const origin = new URL(baseURL!).origin;
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.consoleErrors.push(msg.text());
    });
    page.on('pageerror', (err) => problems.consoleErrors.push(`pageerror: ${err.message}`));
    page.on('requestfailed', (req) => {
      const reason = req.failure()?.errorText ?? '';
      // Navigations away and aborted media fetches are not failures of the site.
      if (reason.includes('ERR_ABORTED')) return;
      problems.failedRequests.push(`${req.url()} ${reason}`);
    });
    page.on('request', (req) => {
      const url = req.url();
      if (url.startsWith('data:') || url.startsWith('blob:')) return;
      if (new URL(url).origin !== origin) problems.foreignRequests.push(url);
    });
    page.on('response', (res) => {
      if (res.status() >= 400) problems.failedRequests.push(`${res.url()} HTTP ${res.status()}`);
    });
    await use(problems);
    const unexpected = problems.consoleErrors.filter((m) => !problems.allowConsole.some((re) => re.test(m)));
    expect(unexpected, 'console errors').toEqual([]);
    expect(problems.failedRequests, 'failed requests').toEqual([]);
    expect(problems.foreignRequests, 'requests leaving the origin').toEqual([]);
  },
});

export { expect };

/** Every lesson and lab page path in English; the Japanese twin is `/ja` + path. */
export async function sitePaths(page: Page): Promise<string[]> {
  await page.goto('/sitemap-index.xml');
  const index = await page.content();
  const sitemapUrls = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  const paths: string[] = [];
  for (const sm of sitemapUrls) {
    await page.goto(sm);
    const xml = await page.content();
    paths.push(...[...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname));
  }
  return paths;
}
