import { createHash } from 'node:crypto';
import { type AppConfig, type RateLimiter } from '#core';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * The throttle of every sign-in door (passwords, sign-in links, reset and confirmation
 * links), each door with its own counters: per client address, and per email *and*
 * address together. Never per email alone: ten wrong passwords from an attacker's
 * address must not lock the real owner out from theirs. The attacker still gets only
 * LOGIN_MAX_PER_EMAIL guesses per address per window, and LOGIN_MAX_PER_IP in all.
 */
export async function throttleByEmailAndAddress(
  rateLimiter: RateLimiter,
  config: Pick<AppConfig, 'loginMaxPerIp' | 'loginMaxPerEmail' | 'loginWindowSeconds'>,
  door: 'login' | 'magic' | 'links',
  email: string,
  ip: string,
): Promise<void> {
  const { loginMaxPerIp, loginMaxPerEmail, loginWindowSeconds } = config;
  await rateLimiter.hit(`${door}:ip:${ip}`, loginMaxPerIp, loginWindowSeconds);
  await rateLimiter.hit(
    `${door}:email-ip:${sha256(`${email.trim().toLowerCase()}\n${ip}`)}`,
    loginMaxPerEmail,
    loginWindowSeconds,
  );
}
