// The live classifier island in real Chromium with the real models: results, privacy, bad input,
// camera, WASM failure and pages without cross-origin isolation.
import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { PNG } from 'pngjs';
import jpeg from 'jpeg-js';
import { test, expect } from './fixtures.ts';
import { CLASSIFIER, classifyFile, currentRun, expectError, openClassifier, readResults, waitForRun } from './classifier-helpers.ts';
import { getPair } from '../../src/lib/models.ts';

const GRACE = 'public/images/grace_hopper.jpg';
const MILITARY_UNIFORM = 653;

test.describe('classifier results', () => {
  for (const runtime of ['tfjs-tflite', 'litert']) {
    test(`grace_hopper: "military uniform" in the top-2 of both MobileNet v2 models (${runtime})`, async ({ page }) => {
      await openClassifier(page, { pair: 'v2-qat-ptq', runtime });
      await expect(page.locator('[data-testid="runtime-info"]')).toHaveAttribute('data-variant', runtime === 'litert' ? /litert_wasm/ : /tflite_web_api_cc/);
      const results = await classifyFile(page, GRACE);
      const pair = getPair('v2-qat-ptq')!;
      for (const id of [pair.a, pair.b]) {
        const top = results[id]!;
        expect(top, id).toHaveLength(5);
        expect(top.slice(0, 2).map((p) => p.index), id).toContain(MILITARY_UNIFORM);
        // Rank order and probabilities in 0..1.
        for (let i = 1; i < top.length; i++) expect(top[i - 1]!.prob).toBeGreaterThanOrEqual(top[i]!.prob);
        for (const p of top) {
          expect(p.prob).toBeGreaterThanOrEqual(0);
          expect(p.prob).toBeLessThanOrEqual(1);
        }
      }
      await expect(page.locator('[data-testid="announcement"]')).toContainText('military uniform');
    });
  }

  test('sample gallery, model facts, and no request but static assets after choosing a photo', async ({ page }) => {
    await openClassifier(page);
    const pair = getPair('v1-025')!;
    await expect(page.locator('.clf')).toHaveAttribute('data-pair', pair.id);
    const after: string[] = [];
    page.on('request', (req) => after.push(`${req.method()} ${req.url()}`));
    const before = await currentRun(page);
    await page.locator('button[data-sample="grace_hopper"]').click();
    await waitForRun(page, before);
    const results = await readResults(page);
    expect(Object.keys(results).sort()).toEqual([pair.a, pair.b].sort());
    for (const top of Object.values(results)) expect(top.slice(0, 5).map((p) => p.index)).toContain(MILITARY_UNIFORM);
    // Each model column shows its size, input dtype and a time.
    await expect(page.locator(`[data-model="${pair.b}"] code`)).toHaveText('uint8');
    await expect(page.locator(`[data-model="${pair.a}"] code`)).toHaveText('float32');
    await expect(page.locator('[data-testid="inference-ms"]').first()).toHaveText(/\d ms/);
    // Now a photo from "disk".
    await classifyFile(page, 'public/imagenet-dev/n02391049_zebra.JPEG');
    await expect(page.locator('.clf-privacy')).toContainText('never leave your device');
    const origin = new URL(page.url()).origin;
    for (const r of after) {
      const [method, url] = r.split(' ') as [string, string];
      if (url.startsWith('blob:') || url.startsWith('data:')) continue;
      expect(method, r).toBe('GET');
      expect(new URL(url).origin, r).toBe(origin);
      expect(new URL(url).pathname, r).toMatch(/^\/(images|imagenet-dev|models|labels|wasm|_astro)\//);
    }
  });

  test('Japanese page: same island, Japanese messages', async ({ page }) => {
    await openClassifier(page, {}, `/ja${CLASSIFIER}`);
    await expect(page.locator('.clf-privacy')).toContainText('端末の外に出ることはありません');
    await page.locator('.clf input[type=file]').setInputFiles({ name: 'empty.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(0) });
    expect(await expectError(page, 'empty')).toContain('ファイルが空です');
    const results = await classifyFile(page, GRACE);
    expect(Object.keys(results)).toHaveLength(2);
    await expect(page.locator('[data-testid="error"]')).toHaveCount(0);
  });
});

/** A minimal animated GIF: 2 frames of 16x16, red then blue, LZW with a clear code every 100 pixels
 * so every code stays 8 bits wide (valid GIF, no encoder needed). */
function animatedGif(): Buffer {
  const w = 16;
  const h = 16;
  const palette = Buffer.alloc(128 * 3);
  palette.set([255, 0, 0], 0); // 0: red
  palette.set([0, 0, 255], 3); // 1: blue
  const frame = (color: number): number[] => {
    const codes: number[] = [];
    for (let i = 0; i < w * h; i++) {
      if (i % 100 === 0) codes.push(128); // clear
      codes.push(color);
    }
    codes.push(129); // end of information
    const blocks: number[] = [0x21, 0xf9, 4, 0, 10, 0, 0, 0]; // graphic control: 100 ms delay
    blocks.push(0x2c, 0, 0, 0, 0, w, 0, h, 0, 0, 7); // image descriptor, then LZW minimum code size 7
    for (let i = 0; i < codes.length; i += 255) {
      const chunk = codes.slice(i, i + 255);
      blocks.push(chunk.length, ...chunk);
    }
    blocks.push(0);
    return blocks;
  };
  const header = [...Buffer.from('GIF89a'), w, 0, h, 0, 0xf6, 0, 0]; // global palette of 128 colours
  const loop = [0x21, 0xff, 11, ...Buffer.from('NETSCAPE2.0'), 3, 1, 0, 0, 0];
  return Buffer.concat([Buffer.from(header), palette, Buffer.from([...loop, ...frame(0), ...frame(1), 0x3b])]);
}

/** A 10000x10000 1-bit grayscale PNG (small file, 100 megapixels once decoded). */
function hugePng(): Buffer {
  const size = 10000;
  const rowBytes = 1 + size / 8;
  const raw = Buffer.alloc(rowBytes * size);
  for (let y = 0; y < size; y++) for (let x = 1; x < rowBytes; x++) raw[y * rowBytes + x] = (y >> 6) % 2 ? 0xf0 : 0x0f;
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([1, 0, 0, 0, 0], 8); // bit depth 1, grayscale
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

/** grace_hopper as PNG, transformed per pixel (rgba in, rgba out). */
function gracePng(map: (r: number, g: number, b: number, x: number) => [number, number, number, number], colorType: 0 | 6 = 6): Buffer {
  const img = jpeg.decode(readFileSync(GRACE), { useTArray: true });
  const png = new PNG({ width: img.width, height: img.height, colorType, inputColorType: 6 } as ConstructorParameters<typeof PNG>[0]);
  for (let i = 0; i < img.width * img.height; i++) {
    const px = map(img.data[i * 4]!, img.data[i * 4 + 1]!, img.data[i * 4 + 2]!, i % img.width);
    png.data.set(px, i * 4);
  }
  return PNG.sync.write(png, { colorType, inputColorType: 6 } as Parameters<typeof PNG.sync.write>[1]);
}

/** Center pixel of the "what the models see" canvas. */
async function previewCenter(page: import('@playwright/test').Page, x = 0.5): Promise<number[]> {
  return page.locator('.clf-input canvas').evaluate((c: HTMLCanvasElement, fx) => {
    const d = c.getContext('2d')!.getImageData(Math.floor(c.width * fx), Math.floor(c.height / 2), 1, 1).data;
    return [d[0]!, d[1]!, d[2]!];
  }, x);
}

test.describe('bad input: a specific message, and the island keeps working', () => {
  test('non-image, corrupt JPEG, zero bytes, SVG, 10000x10000, grayscale, transparent, animated GIF', async ({ page }) => {
    test.setTimeout(180_000);
    await openClassifier(page);
    const good = async () => {
      const results = await classifyFile(page, GRACE);
      expect(Object.keys(results)).toHaveLength(2);
      await expect(page.locator('[data-testid="error"]')).toHaveCount(0);
    };

    await test.step('non-image file', async () => {
      await page.locator('.clf input[type=file]').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a photo') });
      expect(await expectError(page, 'not-image')).toContain('not an image');
      await expect(page.locator('[data-testid="result"] [data-testid="prediction"]')).toHaveCount(0);
      await good();
    });

    await test.step('corrupt JPEG', async () => {
      const bytes = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(4000, 0x5a)]);
      await page.locator('.clf input[type=file]').setInputFiles({ name: 'broken.jpg', mimeType: 'image/jpeg', buffer: bytes });
      expect(await expectError(page, 'corrupt')).toContain('could not decode');
      await good();
    });

    await test.step('zero-byte file', async () => {
      await page.locator('.clf input[type=file]').setInputFiles({ name: 'empty.png', mimeType: 'image/png', buffer: Buffer.alloc(0) });
      expect(await expectError(page, 'empty')).toContain('empty');
      await good();
    });

    await test.step('SVG', async () => {
      const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><circle cx="50" cy="50" r="40" fill="red"/></svg>';
      await page.locator('.clf input[type=file]').setInputFiles({ name: 'drawing.svg', mimeType: 'image/svg+xml', buffer: Buffer.from(svg) });
      expect(await expectError(page, 'svg')).toContain('SVG');
      await good();
    });

    await test.step('10000x10000 image is decoded downscaled and classified', async () => {
      const results = await classifyFile(page, { name: 'huge.png', mimeType: 'image/png', buffer: hugePng() });
      expect(Object.keys(results)).toHaveLength(2);
      await expect(page.locator('[data-testid="error"]')).toHaveCount(0);
      await good();
    });

    await test.step('grayscale PNG', async () => {
      const gray = gracePng((r, g, b) => {
        const y = Math.round(0.299 * r + 0.587 * g + 0.114 * b);
        return [y, y, y, 255];
      }, 0);
      const results = await classifyFile(page, { name: 'gray.png', mimeType: 'image/png', buffer: gray });
      for (const top of Object.values(results)) expect(top).toHaveLength(5);
      const [r, g, b] = await previewCenter(page);
      expect(r).toBe(g);
      expect(g).toBe(b);
    });

    await test.step('transparent PNG is composited over white', async () => {
      const half = gracePng((r, g, b, x) => (x < 260 ? [r, g, b, 0] : [r, g, b, 255]));
      const results = await classifyFile(page, { name: 'transparent.png', mimeType: 'image/png', buffer: half });
      for (const top of Object.values(results)) expect(top).toHaveLength(5);
      expect(await previewCenter(page, 0.05)).toEqual([255, 255, 255]);
    });

    await test.step('animated GIF: the first frame', async () => {
      const results = await classifyFile(page, { name: 'anim.gif', mimeType: 'image/gif', buffer: animatedGif() });
      for (const top of Object.values(results)) expect(top).toHaveLength(5);
      const [r, , b] = await previewCenter(page);
      expect(r).toBeGreaterThan(200);
      expect(b).toBeLessThan(60);
    });
  });
});

test.describe('WASM and isolation', () => {
  test('WASM failing to load: a specific message, and "try again" recovers', async ({ page, problems }) => {
    problems.allowConsole.push(/Failed to load resource.*404/, /404/);
    problems.allowFailedRequests.push(/\/wasm\/.* HTTP 404/);
    await page.route('**/wasm/**', (route) => route.fulfill({ status: 404, body: 'missing' }));
    for (const runtime of ['tfjs-tflite', 'litert']) {
      await page.goto(`${CLASSIFIER}?runtime=${runtime}`);
      await page.locator('.clf').waitFor({ state: 'attached' });
      await page.evaluate(() => document.querySelector('.clf')?.scrollIntoView());
      await expect(page.locator('[data-testid="error"]')).toHaveAttribute('data-code', 'wasm-load-failed', { timeout: 60_000 });
      await expect(page.locator('[data-testid="error"]')).toContainText('WebAssembly');
    }
    // Still on litert; the network comes back.
    await page.unroute('**/wasm/**');
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.locator('.clf')).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
    expect(Object.keys(await classifyFile(page, GRACE))).toHaveLength(2);
  });

  test('page not cross-origin isolated: single-threaded, says so, still classifies', async ({ page }) => {
    await page.route('**/labs/classifier/**', async (route) => {
      if (route.request().resourceType() !== 'document') return route.continue();
      const response = await route.fetch();
      const headers = { ...response.headers() };
      delete headers['cross-origin-opener-policy'];
      delete headers['cross-origin-embedder-policy'];
      await route.fulfill({ response, headers });
    });
    for (const runtime of ['tfjs-tflite', 'litert']) {
      await openClassifier(page, { runtime });
      expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
      await expect(page.locator('[data-testid="not-isolated"]')).toBeVisible();
      const info = page.locator('[data-testid="runtime-info"]');
      await expect(info).toHaveAttribute('data-threads', '1');
      await expect(info).not.toHaveAttribute('data-variant', /threaded/);
      expect(Object.keys(await classifyFile(page, GRACE))).toHaveLength(2);
    }
  });
});

test.describe('camera: denied', () => {
  test.use({ permissions: [] });
  test('permission denied or no camera gives a specific message', async ({ page }) => {
    await openClassifier(page);
    await page.getByRole('button', { name: 'Use the camera' }).click();
    const error = page.locator('[data-testid="error"]');
    await expect(error).toHaveAttribute('data-code', /camera-denied|no-camera/);
    await expect(error).toContainText(/Camera access was denied|No camera was found/);
    // The island still classifies photos.
    expect(Object.keys(await classifyFile(page, GRACE))).toHaveLength(2);
  });
});

test.describe('camera: no camera', () => {
  test.use({ permissions: ['camera'] });
  test('no camera device gives "no camera"', async ({ page }) => {
    await openClassifier(page);
    await page.getByRole('button', { name: 'Use the camera' }).click();
    await expect(page.locator('[data-testid="error"]')).toHaveAttribute('data-code', 'no-camera');
    await expect(page.getByRole('button', { name: 'Use the camera' })).toBeVisible();
  });
});

