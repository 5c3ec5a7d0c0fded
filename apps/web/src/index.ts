/* What the composition root (the API's main module) mounts: the pages and their paths. */
export { WebModule } from './web.module.js';
export { webPrefixExclusions, WEB_ROOTS } from './web-routes.js';
export { WebErrorFilter } from './http/web-error.filter.js';
