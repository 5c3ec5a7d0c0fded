import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Message } from './message.entity.js';
import { Outbox } from './outbox.service.js';

/** Global so any domain service can write outbox rows inside its own transaction. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([Message])],
  providers: [Outbox],
  exports: [Outbox, TypeOrmModule],
})
export class MessagingModule {}
