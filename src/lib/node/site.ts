// Serving the built site and driving its pages in headless Chromium (Node only), for the scripts
// that use the site's own labs as their engine: `npm run bench`, `npm run quantize`.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';

export class SiteError extends Error {
  override name = 'SiteError';
}

/** The built site folder ($ASTRO_OUT_DIR, default dist/); runs `npm run build` when `page` is missing. */
export function ensureBuilt(root: string, page: string, log: (line: string) => void): string {
  const outDir = process.env.ASTRO_OUT_DIR ?? 'dist';
  const dist = resolve(root, outDir);
  if (existsSync(join(dist, page, 'index.html'))) return dist;
  log(`no built site in ${outDir}/ with ${page}/, running npm run build (assets, then astro build)…`);
  const r = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  if (r.status !== 0) throw new SiteError('the build failed');
  return dist;
}

export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => res(port));
    });
  });
}

/** True when something already serves the site on `port` (a preview the caller started, say). */
export async function siteIsUp(port: number): Promise<boolean> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/`)).ok;
  } catch {
    return false;
  }
}

/** `astro preview` on `port`, in its own process group; resolves once it answers. */
export async function startPreview(root: string, port: number): Promise<ChildProcess> {
  const child = spawn('npx', ['astro', 'preview', '--host', '127.0.0.1', '--port', String(port), '--ignore-lock'], {
    cwd: root,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new SiteError('astro preview exited early');
    try {
      const res = await fetch(`http://127.0.0.1:${port}/`);
      if (res.ok) return child;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  stopPreview(child);
  throw new SiteError('astro preview did not start within 60 s');
}

export function stopPreview(child: ChildProcess): void {
  if (!child.pid) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
}

/** Waits until the island on the page is hydrated (Astro removes the `ssr` attribute). */
export async function hydrated(page: Page, testId: string): Promise<void> {
  await page.getByTestId(testId).waitFor();
  await page.waitForFunction(() => !document.querySelector('astro-island[ssr]'), null, { timeout: 60_000 });
}
