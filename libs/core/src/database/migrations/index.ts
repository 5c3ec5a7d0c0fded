import { Foundation1763700000000 } from './1763700000000-foundation.js';
import { MessagesOutbox1763700050000 } from './1763700050000-messages-outbox.js';

/** Every migration, in order. Add new ones at the end; never edit one that has shipped. */
export const MIGRATIONS = [Foundation1763700000000, MessagesOutbox1763700050000];
