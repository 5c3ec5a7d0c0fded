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
  const key = accessTokenKey(config);
  return {
    secretOrKeyProvider: () => key,
    signOptions: { algorithm: 'HS256' },
    verifyOptions: { algorithms: ['HS256'] },
  };
}

/** The HS256 key of access tokens, from the configured secret (signing and verifying). */
export function accessTokenKey(config: Pick<AppConfig, 'jwtSecret'>): KeyObject {
  return createSecretKey(Buffer.from(config.jwtSecret, 'utf8'));
}
