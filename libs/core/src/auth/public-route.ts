import { SetMetadata } from '@nestjs/common';

/** Metadata the API's bearer guard reads; the web pages carry it too (they use cookies). */
export const PUBLIC_ROUTE = 'convene:public';

/** Reachable without a bearer token; an actor is still attached when a valid token is sent. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);
