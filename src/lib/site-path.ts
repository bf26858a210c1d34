// The one place that knows where the site lives. Astro's `base` (BASE_PATH at build time, see
// astro.config.mjs) reaches the browser bundle as import.meta.env.BASE_URL; Node (scripts, bench,
// unit tests without Vite) has no import.meta.env and gets '/'.

/** The site's base path, always with a trailing slash: '/' or e.g. '/tflite-lab/'. */
export function siteBase(): string {
  // Written out in full (no `?.`) so that Vite replaces `import.meta.env.BASE_URL` statically.
  const base = (import.meta.env ? import.meta.env.BASE_URL : undefined) ?? '/';
  return base.endsWith('/') ? base : `${base}/`;
}

/** URL path of a file or page of this site, e.g. sitePath('models/a.tflite') -> '/tflite-lab/models/a.tflite'. */
export function sitePath(path: string): string {
  return siteBase() + path.replace(/^\/+/, '');
}

/** URL path of a page in the reader's language: the default locale ('en') at the root, others under their code. */
export function localePagePath(path: string, lang: string): string {
  return sitePath(`${lang === 'en' ? '' : `${lang}/`}${path.replace(/^\/+/, '')}`);
}

/**
 * Root-relative href/src attributes of an HTML string moved under the base, for HTML that content
 * passes as strings (set:html), which the build-time link prefixer (config/base-links.mjs) cannot see.
 */
export function linksUnderBase(html: string): string {
  const base = siteBase();
  if (base === '/') return html;
  return html.replace(/\b(href|src)=(["'])\/(?!\/)/g, (whole, attr: string, quote: string, offset: number) =>
    html.startsWith(base, offset + attr.length + 2) ? whole : `${attr}=${quote}${base}`,
  );
}
