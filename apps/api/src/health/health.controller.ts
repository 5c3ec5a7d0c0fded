import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { REDIS, TZDATA_VERSION } from '#core';
import { Public } from '../auth/auth.decorators.js';

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  @Get('live')
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready() {
    const [database, redis] = await Promise.all([
      withTimeout(this.dataSource.query('SELECT 1'), 2000).then(
        () => 'up',
        () => 'down',
      ),
      withTimeout(this.redis.ping(), 2000).then(
        () => 'up',
        () => 'down',
      ),
    ]);
    const body = {
      status: database === 'up' && redis === 'up' ? 'ok' : 'unavailable',
      database,
      redis,
      tzdata: TZDATA_VERSION,
    };
    if (body.status !== 'ok')
      throw new ServiceUnavailableException({ message: 'Not ready', details: body });
    return body;
  }
}
