import { describe, expect, it } from 'vitest';
import { siteBase, sitePath } from '../../src/lib/site-path.ts';
import { withBase } from '../../config/base-links.mjs';

describe('sitePath', () => {
  it('joins the base and a path with exactly one slash', () => {
    expect(siteBase()).toBe('/');
    expect(sitePath('models/a.tflite')).toBe('/models/a.tflite');
    expect(sitePath('/wasm/litert/')).toBe('/wasm/litert/');
  });
});

describe('withBase (content links at build time)', () => {
  it('prefixes root-relative links once', () => {
    expect(withBase('/tflite-lab/', '/labs/classifier/')).toBe('/tflite-lab/labs/classifier/');
    expect(withBase('/tflite-lab/', '/tflite-lab/labs/')).toBe('/tflite-lab/labs/');
    expect(withBase('/tflite-lab/', '/tflite-lab')).toBe('/tflite-lab');
    expect(withBase('/tflite-lab/', '/tflite-labs/x/')).toBe('/tflite-lab/tflite-labs/x/');
  });
  it('leaves the root base, external, protocol-relative, relative and anchor links alone', () => {
    expect(withBase('/', '/labs/')).toBe('/labs/');
    for (const url of ['https://example.org/', '//cdn.example.org/x', '../a/', '#top', 'mailto:a@b.c']) {
      expect(withBase('/tflite-lab/', url)).toBe(url);
    }
  });
});
