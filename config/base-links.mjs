// Lessons link to pages and files by root-relative path ("/labs/classifier/"). When the site is
// built under a base path (BASE_PATH=/tflite-lab/), this integration prefixes those links in
// Markdown (`[x](/a/)`), HTML (`<a href="/a/">`) and MDX components (`<LinkCard href="/a/">`) at
// build time, so content stays base-agnostic. Links already under the base, protocol-relative
// ("//") and external links are left alone. Astro 7's Markdown processor is Sätteri: the plugin is
// a Sätteri HAST visitor (unified rehype plugins no longer run).

/** Prefixes a root-relative URL with `base` ('/' or '/tflite-lab/'); anything else is returned as is. */
export function withBase(base, url) {
  const prefix = base.replace(/\/+$/, '');
  if (!prefix || typeof url !== 'string' || !url.startsWith('/') || url.startsWith('//')) return url;
  if (url === prefix || url.startsWith(`${prefix}/`)) return url;
  return prefix + url;
}

const URL_KEYS = ['href', 'src'];

function hastPlugin(base) {
  const fixJsx = (node, ctx) => {
    for (const attr of node.attributes ?? []) {
      if (attr.type === 'mdxJsxAttribute' && URL_KEYS.includes(attr.name) && typeof attr.value === 'string') {
        const next = withBase(base, attr.value);
        if (next !== attr.value) ctx.setProperty(node, attr.name, next);
      }
    }
  };
  return {
    name: 'tflite-lab-base-links',
    // Hero action links live in frontmatter: src/route-data.ts prefixes them for rendering; doing
    // the same here lets the links validator (which reads this frontmatter) check the final URLs.
    before(_root, ctx) {
      for (const action of ctx.data.astro?.frontmatter?.hero?.actions ?? []) action.link = withBase(base, action.link);
    },
    element: {
      filter: ['a', 'img', 'source'],
      visit(node, ctx) {
        for (const key of URL_KEYS) {
          const value = node.properties?.[key];
          if (typeof value === 'string' && withBase(base, value) !== value) ctx.setProperty(node, key, withBase(base, value));
        }
      },
    },
    mdxJsxFlowElement: { filter: [], visit: fixJsx },
    mdxJsxTextElement: { filter: [], visit: fixJsx },
  };
}

/** @returns {import('astro').AstroIntegration} */
export default function baseLinks() {
  return {
    name: 'tflite-lab-base-links',
    hooks: {
      'astro:config:setup': ({ config }) => {
        if (config.base === '/' || config.base === '') return;
        const processor = /** @type {any} */ (config.markdown).processor;
        if (processor?.name !== 'satteri' || !Array.isArray(processor.options?.hastPlugins)) {
          throw new Error('base-links: expected Astro 7\'s Sätteri Markdown processor');
        }
        // First in the list, so that later plugins (the links validator) see the final links.
        processor.options.hastPlugins.unshift(hastPlugin(config.base));
      },
    },
  };
}
