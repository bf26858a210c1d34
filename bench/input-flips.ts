// How fragile is an 8-bit model to its input bytes? Top-1 flips over the 100 dev photos between
// the raw RGB bytes (what the site feeds, as the official examples do) and the normalised value
// re-quantized from the unrounded resize (what the site fed before): at most one level apart.
// Usage: build the site, start `npx astro preview --port <port>`, then
//   FLIPS_URL=http://127.0.0.1:<port> npx tsx bench/input-flips.ts [--model <id>] [--runtime litert|tfjs-tflite]
import { chromium } from '@playwright/test';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { chromiumArgs, chromiumExecutable } from '../src/lib/node/chromium.ts';
import { bundlePageScript } from '../src/lib/node/page-script.ts';

const { values: args } = parseArgs({
  options: { model: { type: 'string', default: 'mobilenet_v1_0.25_224_uint8' }, runtime: { type: 'string', default: 'litert' } },
});
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const base = process.env.FLIPS_URL ?? 'http://127.0.0.1:4406';

const bundle = await bundlePageScript(root, join(root, 'bench', 'input-flips-page.ts'));
const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs });
try {
  // The site's CSP forbids inline scripts; this measurement injects one on purpose.
  const page = await (await browser.newContext({ bypassCSP: true })).newPage();
  await page.goto(`${base}/`);
  await page.addScriptTag({ content: bundle });
  const report = await page.evaluate(`window.inputFlips(${JSON.stringify(args.model)}, ${JSON.stringify(args.runtime)})`);
  console.log(JSON.stringify(report, null, 2));
} finally {
  await browser.close();
}
