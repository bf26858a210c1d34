// npm run screenshots: full-page JPEGs of every page of the built site, English and Japanese, desktop
// and phone width, into docs/screenshots/ (reviewers look at these; they are not test oracles).
// Serves $ASTRO_OUT_DIR (default dist/) with astro preview; build first (`npm run build`).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from '../src/lib/node/chromium.ts';
import { startPreview, stopPreview } from '../src/lib/node/site.ts';

const port = Number(process.env.SCREENSHOT_PORT ?? 4420);
const origin = `http://127.0.0.1:${port}`;
const outDir = join(process.cwd(), 'docs', 'screenshots');
const only = process.argv.slice(2); // optional substrings of paths to limit the run

const viewports = {
  desktop: { width: 1280, height: 800, deviceScaleFactor: 0.5 },
  phone: { width: 390, height: 844, deviceScaleFactor: 1 },
} as const;

/** 'ja/lessons/running/' -> 'ja-lessons-running'; '/' -> 'en-home'. */
function shotName(path: string): string {
  const parts = path.split('/').filter(Boolean);
  const lang = parts[0] === 'ja' ? 'ja' : 'en';
  const rest = lang === 'ja' ? parts.slice(1) : parts;
  return [lang, ...(rest.length ? rest : ['home'])].join('-');
}

async function sitemapPaths(): Promise<string[]> {
  const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  const index = await (await fetch(`${origin}/sitemap-index.xml`)).text();
  const paths: string[] = [];
  for (const sitemap of locs(index)) paths.push(...locs(await (await fetch(`${origin}${sitemap}`)).text()));
  return paths.filter((p) => only.length === 0 || only.some((s) => p.includes(s)));
}

const server = await startPreview(process.cwd(), port);
try {
  mkdirSync(outDir, { recursive: true });
  const paths = await sitemapPaths();
  const failed: string[] = [];
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs });
  for (const [kind, viewport] of Object.entries(viewports)) {
    const context = await browser.newContext({ viewport, deviceScaleFactor: viewport.deviceScaleFactor, serviceWorkers: 'block' });
    const page = await context.newPage();
    for (const path of paths) {
      await page.goto(`${origin}${path}`, { waitUntil: 'networkidle' });
      // Islands hydrate when visible: scroll through once, then give demos a moment to finish their first run.
      await page.evaluate(async () => {
        for (let y = 0; y < document.body.scrollHeight; y += 600) {
          window.scrollTo(0, y);
          await new Promise((r) => setTimeout(r, 150));
        }
        window.scrollTo(0, 0);
      });
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(1500);
      const file = join(outDir, `${shotName(path)}-${kind}.jpg`);
      try {
        await page.screenshot({ path: file, fullPage: true, type: 'jpeg', quality: 60, timeout: 90_000 });
        console.log(file);
      } catch (err) {
        // One slow page (a busy machine) should not cost the other screenshots.
        failed.push(`${file}: ${(err as Error).message.split('\n')[0]}`);
      }
    }
    await context.close();
  }
  await browser.close();
  if (failed.length) {
    console.error(`no screenshot of:\n${failed.join('\n')}`);
    process.exitCode = 1;
  }
} finally {
  stopPreview(server);
}
