import { formatCount } from '../count-format.js';

/** A count with Spanish digit grouping: 1008, but 10.000. The plural is chosen on the number itself. */
export const num = (n: number) => formatCount('es', n);
