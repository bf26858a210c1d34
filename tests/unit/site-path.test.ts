import { describe, expect, it } from 'vitest';
import { localePagePath, siteBase, sitePath } from '../../src/lib/site-path.ts';
import { withBase } from '../../config/base-links.mjs';

describe('sitePath', () => {
  it('joins the base and a path with exactly one slash', () => {
    expect(siteBase()).toBe('/');
    expect(sitePath('models/a.tflite')).toBe('/models/a.tflite');
    expect(sitePath('/wasm/litert/')).toBe('/wasm/litert/');
  });
  it('pages in the reader\'s language: English at the root, Japanese under ja/', () => {
    expect(localePagePath('labs/benchmark/?model=a', 'en')).toBe('/labs/benchmark/?model=a');
    expect(localePagePath('/labs/benchmark/?model=a', 'ja')).toBe('/ja/labs/benchmark/?model=a');
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

import { addInlineScriptHashes } from '../../config/csp-inline-hashes.mjs';

describe('addInlineScriptHashes', () => {
  const page = (body: string) =>
    `<head><meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'"></head><body>${body}</body>`;
  it('adds the sha256 of inline scripts, not of external ones, once', () => {
    const html = addInlineScriptHashes(page('<script>alert(1)</script><script>alert(1)</script><script src="/a.js"></script>'));
    // sha256("alert(1)") in base64
    expect(html).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='; style-src");
    expect(html.match(/sha256-/g)).toHaveLength(1);
  });
  it("adds 'unsafe-eval' only when asked, and leaves pages without a policy alone", () => {
    expect(addInlineScriptHashes(page(''), { allowEval: true })).toContain("'wasm-unsafe-eval' 'unsafe-eval';");
    expect(addInlineScriptHashes(page(''))).not.toContain("'unsafe-eval'");
    expect(addInlineScriptHashes('<p>no policy</p><script>x()</script>')).toBe('<p>no policy</p><script>x()</script>');
  });
});

describe('linksUnderBase (HTML strings from content)', () => {
  it('moves root-relative href/src under the base, once, and leaves other URLs alone', async () => {
    const { vi } = await import('vitest');
    const { linksUnderBase } = await import('../../src/lib/site-path.ts');
    expect(linksUnderBase('<a href="/a/">a</a>')).toBe('<a href="/a/">a</a>');
    vi.stubEnv('BASE_URL', '/tflite-lab/');
    try {
      expect(linksUnderBase('<a href="/ja/x/#y">x</a> <img src=\'/i.png\'>')).toBe('<a href="/tflite-lab/ja/x/#y">x</a> <img src=\'/tflite-lab/i.png\'>');
      expect(linksUnderBase('<a href="/tflite-lab/a/">a</a> <a href="//cdn/x">c</a> <a href="https://e.org/">e</a> <a href="#t">t</a>')).toBe(
        '<a href="/tflite-lab/a/">a</a> <a href="//cdn/x">c</a> <a href="https://e.org/">e</a> <a href="#t">t</a>',
      );
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
