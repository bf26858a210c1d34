// The Content-Security-Policy every page carries (astro.config.mjs, config/csp-inline-hashes.mjs).
// Violations anywhere fail every test through the shared `problems` fixture; this checks the policy.
import { expect, sitePaths, test } from './fixtures.ts';

const policyOf = (html: string) => /<meta http-equiv="content-security-policy" content="([^"]*)"/.exec(html)?.[1] ?? '';
const directive = (policy: string, name: string) => policy.split(';').map((d) => d.trim()).find((d) => d.startsWith(`${name} `)) ?? '';

test('every page has a strict CSP: scripts from the site or by hash, WebAssembly allowed, eval only where tfjs-tflite may run', async ({ request }) => {
  const strict: string[] = [];
  for (const path of await sitePaths(request)) {
    const html = await (await request.get(path)).text();
    const policy = policyOf(html);
    const scripts = directive(policy, 'script-src');
    expect(scripts, path).toMatch(/^script-src 'self' /);
    expect(scripts, path).toContain("'wasm-unsafe-eval'");
    expect(scripts, path).not.toContain("'unsafe-inline'");
    expect(scripts, path).toMatch(/'sha256-[A-Za-z0-9+/=]+'/);
    expect(directive(policy, 'worker-src'), path).toBe("worker-src 'self' blob:");
    expect(directive(policy, 'object-src'), path).toBe("object-src 'none'");
    expect(directive(policy, 'default-src'), path).toBe("default-src 'self'");
    if (!scripts.includes("'unsafe-eval'")) strict.push(path);
  }
  // Pages without a demo never need eval.
  for (const path of ['/', '/ja/', '/reference/glossary/', '/reference/credits/', '/lessons/tensorflow-and-keras/']) expect(strict, path).toContain(path);
});
