import { JwtSecretRequestType, JwtService } from '@nestjs/jwt';
import jsonwebtoken from 'jsonwebtoken';
import { KeyObject } from 'node:crypto';
import { jwtModuleOptions } from './jwt-options.js';

const secret = 'a-test-only-jwt-secret-of-more-than-32-characters';

describe('access tokens signed with a KeyObject', () => {
  const jwt = new JwtService(jwtModuleOptions({ jwtSecret: secret }));

  it('verifies a token signed before the change (jsonwebtoken, the secret as a string)', async () => {
    // Exactly what AuthService did before: @nestjs/jwt with `secret: <string>`.
    const before = await new JwtService({}).signAsync(
      { sub: 'account-1', ver: 3 },
      { secret, expiresIn: 3600 },
    );
    const claims = await jwt.verifyAsync<{ sub: string; ver: number }>(before);
    expect(claims).toMatchObject({ sub: 'account-1', ver: 3 });
  });

  it('signs tokens the string secret still verifies (a rollback keeps sessions)', async () => {
    const token = await jwt.signAsync({ sub: 'account-2', ver: 0 }, { expiresIn: 60 });
    expect(JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString())).toMatchObject({
      alg: 'HS256',
    });
    expect(jsonwebtoken.verify(token, secret)).toMatchObject({ sub: 'account-2', ver: 0 });
  });

  it('refuses a token signed with another secret, an expired one and another algorithm', async () => {
    const other = jsonwebtoken.sign({ sub: 'x' }, 'another-secret-of-more-than-32-characters');
    await expect(jwt.verifyAsync(other)).rejects.toThrow('invalid signature');
    const expired = jsonwebtoken.sign(
      { sub: 'x', exp: Math.floor(Date.now() / 1000) - 10 },
      secret,
    );
    await expect(jwt.verifyAsync(expired)).rejects.toThrow('jwt expired');
    const hs512 = jsonwebtoken.sign({ sub: 'x' }, secret, { algorithm: 'HS512' });
    await expect(jwt.verifyAsync(hs512)).rejects.toThrow('invalid algorithm');
    const unsigned = jsonwebtoken.sign({ sub: 'x' }, null, { algorithm: 'none' });
    await expect(jwt.verifyAsync(unsigned)).rejects.toThrow();
  });

  it('hands jsonwebtoken one secret KeyObject (no createPublicKey attempt per verify)', () => {
    // jsonwebtoken skips its createPublicKey-then-fallback only for a KeyObject.
    const { secretOrKeyProvider } = jwtModuleOptions({ jwtSecret: secret });
    const key = secretOrKeyProvider?.(JwtSecretRequestType.VERIFY, 'token');
    expect(key).toBeInstanceOf(KeyObject);
    expect((key as KeyObject).type).toBe('secret');
    expect(secretOrKeyProvider?.(JwtSecretRequestType.SIGN, {})).toBe(key);
  });
});
