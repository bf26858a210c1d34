// Starlight route middleware: hero action links in page frontmatter are root-relative
// ("/labs/classifier/"); prefix them with the site's base like every other link (see
// config/base-links.mjs for the links inside the content).
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { withBase } from '../config/base-links.mjs';

export const onRequest = defineRouteMiddleware((context) => {
  const hero = context.locals.starlightRoute.entry.data.hero;
  for (const action of hero?.actions ?? []) action.link = withBase(import.meta.env.BASE_URL, action.link);
});
