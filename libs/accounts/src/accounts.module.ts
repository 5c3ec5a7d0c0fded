import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RateLimiter } from '#core';
import { Account } from './account.entity.js';
import { AccountsService } from './accounts.service.js';
import { AuthService } from './auth.service.js';
import { LogMagicLinkDelivery, MagicLinkDelivery } from './magic-link-delivery.js';
import { MagicLinkToken } from './magic-link-token.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([Account, MagicLinkToken]), JwtModule.register({})],
  providers: [
    AccountsService,
    AuthService,
    RateLimiter,
    { provide: MagicLinkDelivery, useClass: LogMagicLinkDelivery },
  ],
  exports: [AccountsService, AuthService, TypeOrmModule],
})
export class AccountsModule {}
