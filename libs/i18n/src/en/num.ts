import { formatCount } from '../count-format.js';

/** A count with English digit grouping: 1,008. The plural is chosen on the number itself. */
export const num = (n: number) => formatCount('en', n);
