import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig, RateLimiter } from '#core';
import { AccountLinksService } from './account-links.service.js';
import { Account } from './account.entity.js';
import { AccountsService } from './accounts.service.js';
import { AuthService } from './auth.service.js';
import { jwtModuleOptions } from './jwt-options.js';
import { LogMagicLinkDelivery, MagicLinkDelivery } from './magic-link-delivery.js';
import { MagicLinkToken } from './magic-link-token.entity.js';
import { WebSession } from './web-sessions/web-session.entity.js';
import { WebSessionsService } from './web-sessions/web-sessions.service.js';

/**
 * Optional token a global module (messaging) provides to deliver magic links by email;
 * without it links go to the log. Keeps accounts unaware of the email lib.
 */
export const OUTBOUND_MAGIC_LINK_DELIVERY = Symbol('OUTBOUND_MAGIC_LINK_DELIVERY');

@Module({
  imports: [
    TypeOrmModule.forFeature([Account, MagicLinkToken, WebSession]),
    // One secret key object for every sign and verify (see jwt-options.ts).
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => jwtModuleOptions(config),
    }),
  ],
  providers: [
    AccountsService,
    AuthService,
    AccountLinksService,
    WebSessionsService,
    RateLimiter,
    LogMagicLinkDelivery,
    {
      provide: MagicLinkDelivery,
      inject: [LogMagicLinkDelivery, { token: OUTBOUND_MAGIC_LINK_DELIVERY, optional: true }],
      useFactory: (fallback: MagicLinkDelivery, outbound?: MagicLinkDelivery) =>
        outbound ?? fallback,
    },
  ],
  exports: [AccountsService, AuthService, AccountLinksService, WebSessionsService, TypeOrmModule],
})
export class AccountsModule {}
