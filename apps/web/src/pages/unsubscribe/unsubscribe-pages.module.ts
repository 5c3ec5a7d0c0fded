import { Module } from '@nestjs/common';
import { MessagesModule } from '#messaging';
import { UnsubscribePageController } from './unsubscribe.controller.js';

/** The page behind an optional announcement's unsubscribe link. */
@Module({
  imports: [MessagesModule],
  controllers: [UnsubscribePageController],
})
export class UnsubscribePagesModule {}
