import { type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { TravelModule } from '#travel';
import { LetterSettingsPageController } from './letter-settings.controller.js';
import { letterUploads } from './letter-uploads.js';

/** The console-letters pages: the event's invitation letter settings (organisers). */
@Module({
  imports: [TravelModule],
  controllers: [LetterSettingsPageController],
})
export class ConsoleLettersPagesModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(letterUploads).forRoutes(LetterSettingsPageController);
  }
}
