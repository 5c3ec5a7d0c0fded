import { JwtService } from '@nestjs/jwt';
import jsonwebtoken from 'jsonwebtoken';
import { createHmac } from 'node:crypto';
import { AccessTokenError, verifyAccessToken } from './access-token.js';
import { accessTokenKey, jwtModuleOptions } from './jwt-options.js';

const secret = 'a-test-only-jwt-secret-of-more-than-32-characters';
const key = accessTokenKey({ jwtSecret: secret });
const now = () => Math.floor(Date.now() / 1000);

/** A token with any header and claims, signed HS256 with `signingSecret`. */
function forge(header: object, claims: unknown, signingSecret = secret): string {
  const enc = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const signed = `${enc(header)}.${enc(claims)}`;
  return `${signed}.${createHmac('sha256', signingSecret).update(signed).digest('base64url')}`;
}

const refusal = (token: string) => {
  try {
    verifyAccessToken(token, key);
  } catch (e) {
    return e instanceof AccessTokenError ? e.message : `not an AccessTokenError: ${String(e)}`;
  }
  return 'accepted';
};

describe('verifyAccessToken', () => {
  it('accepts what the API signs (the JwtModule with the same key) and gives its claims', async () => {
    const jwt = new JwtService(jwtModuleOptions({ jwtSecret: secret }));
    const token = await jwt.signAsync({ sub: 'account-1', ver: 3 }, { expiresIn: 3600 });
    const claims = verifyAccessToken(token, key);
    expect(claims).toEqual({ sub: 'account-1', ver: 3, exp: expect.any(Number) });
    expect(claims.exp - now()).toBeGreaterThan(3590);
    // And tokens signed before this change, with the secret as a string.
    const before = jsonwebtoken.sign({ sub: 'account-2', ver: 0 }, secret, { expiresIn: 60 });
    expect(verifyAccessToken(before, key)).toMatchObject({ sub: 'account-2', ver: 0 });
  });

  it('refuses another secret, a changed payload, another algorithm and none', () => {
    const exp = now() + 600;
    expect(
      refusal(forge({ alg: 'HS256' }, { sub: 'x', exp }, 'another-secret-32-characters-long')),
    ).toBe('signature');
    // The admin's id under someone else's signature.
    const [head, , signature] = forge({ alg: 'HS256' }, { sub: 'me', exp }).split('.');
    const admin = Buffer.from(JSON.stringify({ sub: 'admin', exp })).toString('base64url');
    expect(refusal(`${head}.${admin}.${signature}`)).toBe('signature');
    expect(refusal(jsonwebtoken.sign({ sub: 'x' }, secret, { algorithm: 'HS512' }))).toBe(
      'algorithm',
    );
    const unsigned = jsonwebtoken.sign({ sub: 'x', exp }, null, { algorithm: 'none' });
    expect(refusal(unsigned)).toBe('malformed'); // its third part is empty
    expect(refusal(`${unsigned}c2ln`)).toBe('algorithm');
    // The same signature bytes spelt with other spare bits in the last character.
    const [h, b, sig] = forge({ alg: 'HS256' }, { sub: 'x', exp }).split('.');
    const last = 'AEIMQUYcgkosw048'.indexOf(sig.at(-1) ?? '');
    const respelt = `${sig.slice(0, -1)}${'BFJNRVZdhlptx159'[last]}`;
    expect(Buffer.from(respelt, 'base64url')).toEqual(Buffer.from(sig, 'base64url'));
    expect(refusal(`${h}.${b}.${respelt}`)).toBe('signature');
    // The key as an HS256 secret never makes an RS256 or ES256 token valid either.
    expect(refusal(forge({ alg: 'RS256' }, { sub: 'x', exp }))).toBe('algorithm');
  });

  it('refuses an expired token at its second of expiry, and one not yet valid', () => {
    expect(refusal(forge({ alg: 'HS256' }, { sub: 'x', exp: now() - 1 }))).toBe('expired');
    expect(() =>
      verifyAccessToken(forge({ alg: 'HS256' }, { sub: 'x', exp: 1000 }), key, 1000),
    ).toThrow('expired');
    expect(verifyAccessToken(forge({ alg: 'HS256' }, { sub: 'x', exp: 1000 }), key, 999).sub).toBe(
      'x',
    );
    expect(refusal(forge({ alg: 'HS256' }, { sub: 'x', exp: now() + 60, nbf: now() + 30 }))).toBe(
      'not active',
    );
    expect(refusal(forge({ alg: 'HS256' }, { sub: 'x', exp: now() + 60, nbf: 'soon' }))).toBe(
      'not active',
    );
  });

  it('refuses tokens whose claims are not what the API signs', () => {
    const exp = now() + 60;
    for (const claims of [
      { exp },
      { sub: 42, exp },
      { sub: 'x' },
      { sub: 'x', exp: String(exp) },
      { sub: 'x', exp, ver: '1' },
      [{ sub: 'x', exp }],
      null,
      'x',
    ])
      expect([claims, refusal(forge({ alg: 'HS256' }, claims))]).toEqual([claims, 'payload']);
  });

  it('refuses what is not a token without throwing anything else', () => {
    const good = forge({ alg: 'HS256' }, { sub: 'x', exp: now() + 60 });
    for (const bad of [
      '',
      'abc',
      'a.b',
      `${good}.extra`,
      good.replace('.', '.!'),
      `${good} `,
      `${Buffer.from('not json').toString('base64url')}.${good.split('.')[1]}.${good.split('.')[2]}`,
      `${Buffer.from('null').toString('base64url')}.e30.${good.split('.')[2]}`,
    ])
      expect([bad, refusal(bad)]).toEqual([bad, expect.stringMatching(/malformed|algorithm/)]);
  });
});
