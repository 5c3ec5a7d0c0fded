// node --conditions=convene-source --import ./scripts/openapi/register.mjs <file.ts>
import { register } from 'node:module';

register('./ts-loader.mjs', import.meta.url);
