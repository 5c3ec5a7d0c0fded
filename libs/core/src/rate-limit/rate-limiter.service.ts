import { Inject, Injectable } from '@nestjs/common';
import { Redis } from 'ioredis';
import { APP_CONFIG } from '../config/config.module.js';
import { type AppConfig } from '../config/config.schema.js';
import { tooManyRequests } from '../errors/domain-error.js';
import { REDIS } from '../redis/redis.module.js';

/**
 * Fixed-window counters in Redis, shared by every API instance. When Redis is down
 * the limiter lets requests through: locking everyone out of login is worse.
 */
@Injectable()
export class RateLimiter {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async hit(bucket: string, limit: number, windowSeconds: number): Promise<void> {
    const key = `${this.config.redisPrefix}:rl:${bucket}`;
    let count: number;
    let ttl: number;
    try {
      const result = await this.redis
        .multi()
        .incr(key)
        .expire(key, windowSeconds, 'NX')
        .ttl(key)
        .exec();
      count = Number(result?.[0]?.[1] ?? 0);
      ttl = Number(result?.[2]?.[1] ?? windowSeconds);
    } catch {
      return;
    }
    if (count > limit) {
      throw tooManyRequests('Too many attempts; please wait and try again', Math.max(ttl, 1));
    }
  }
}
