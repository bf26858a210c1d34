// examples/web, the LiteRT.js starter the running lesson shows: built with Vite, then served as
// plain static files (as a reader would deploy the build output) and run in the browser against known photos.
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { build } from 'vite';
import { readFileSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import { classifyFile, openClassifier } from './classifier-helpers.ts';
import { getPair } from '../../src/lib/models.ts';

const exampleDir = join(import.meta.dirname, '../../examples/web');
const distDir = join(exampleDir, '../../dist-example-web');
const types: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.jpg': 'image/jpeg',
  '.txt': 'text/plain',
};

let server: Server;
let origin = '';

test.beforeAll(async () => {
  await build({ configFile: join(exampleDir, 'vite.config.ts') });
  // A static server for dist/ on a port the OS picks (it lives only as long as this file's tests).
  server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = normalize(join(distDir, path === '/' ? 'index.html' : path));
    const body = file.startsWith(distDir) ? await readFile(file).catch(() => null) : null;
    res.writeHead(body ? 200 : 404, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    res.end(body ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
});

const labels = readFileSync(join(exampleDir, '../../public/labels/labels_short.txt'), 'utf8').trimEnd().split('\n');
const photo = (name: string) => join(exampleDir, '../../public/images', name);

/** The starter's top three labels, as shown. */
async function starterTop3(page: Page): Promise<string[]> {
  const texts = await page.locator('#results li').allTextContents();
  return texts.map((t) => t.replace(/ \([\d.]+\)$/, ''));
}

/** The site's classifier, same model (v1 0.25 uint8) and runtime: its top three labels for a photo. */
async function siteTop3(page: Page, file: string): Promise<string[]> {
  const pair = getPair('v1-025')!;
  await openClassifier(page, { pair: pair.id, runtime: 'litert' });
  const results = await classifyFile(page, file);
  return results[pair.b]!.slice(0, 3).map((p) => labels[p.index]!);
}

test('the web starter classifies known photos in a worker, as the live classifier does', async ({ page }) => {
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(err.message));
  page.on('console', (msg) => msg.type() === 'error' && problems.push(msg.text()));
  page.on('response', (res) => res.status() >= 400 && problems.push(`${res.url()} HTTP ${res.status()}`));
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));

  await page.goto(`${origin}/`);
  const status = page.locator('#status');
  const results = page.locator('#results li');
  await expect(status).toContainText(/Done in \d/, { timeout: 60_000 });
  await expect(results).toHaveCount(3);
  const grace = await starterTop3(page);
  expect(grace).toContain('military uniform');
  expect(workers.some((url) => url.includes('classifier.worker'))).toBe(true);

  // A second photo through the same worker and model.
  await page.evaluate(() => document.querySelector('#status')!.replaceChildren()); // forget the last run
  await page.locator('#file').setInputFiles(photo('burger.jpg'));
  await expect(status).toContainText(/Done in \d/);
  const burger = await starterTop3(page);
  expect(burger[0]).toBe('cheeseburger');

  // Not an image: a clear message, and the page keeps working.
  await page.locator('#file').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
  await expect(status).toContainText('could not be read as an image');
  expect(problems).toEqual([]);

  // The lesson promises the starter does what the demo does: same crop, bytes, model and labels.
  // The browser's canvas resize and the site's own bilinear resize may differ by a level here and
  // there, which can swap close neighbours, so compare each first answer with the other's top three.
  for (const [file, starter] of [['grace_hopper.jpg', grace], ['burger.jpg', burger]] as const) {
    const site = await siteTop3(page, photo(file));
    expect(starter, `${file}: the demo's first answer is in the starter's top three`).toContain(site[0]);
    expect(site, `${file}: the starter's first answer is in the demo's top three`).toContain(starter[0]);
  }
});
