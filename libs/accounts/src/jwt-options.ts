import { type JwtModuleOptions } from '@nestjs/jwt';
import { createSecretKey, type KeyObject } from 'node:crypto';
import { type AppConfig } from '#core';

/**
 * How access tokens are signed and checked: HS256 with the configured secret, given to
 * jsonwebtoken as a KeyObject made once. With the secret as a string, jsonwebtoken 9
 * first tries `createPublicKey` on it at every verify, fails, catches and falls back
 * (about a tenth of a request's CPU). Same key bytes and algorithm, so tokens signed
 * before this change still verify, and the other way round.
 */
export function jwtModuleOptions(config: Pick<AppConfig, 'jwtSecret'>): JwtModuleOptions {
  const key: KeyObject = createSecretKey(Buffer.from(config.jwtSecret, 'utf8'));
  return {
    secretOrKeyProvider: () => key,
    signOptions: { algorithm: 'HS256' },
    verifyOptions: { algorithms: ['HS256'] },
  };
}
