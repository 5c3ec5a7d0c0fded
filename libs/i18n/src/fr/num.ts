import { formatCount } from '../count-format.js';

/** A count with French digit grouping: 1 008 (a narrow no-break space). The plural is chosen on the number itself. */
export const num = (n: number) => formatCount('fr', n);
