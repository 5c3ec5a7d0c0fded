import { type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { LETTER_IMAGE_MAX_BYTES, TravelModule } from '#travel';
import { multipartForm } from '../../http/multipart-form.js';
import { LetterSettingsPageController } from './letter-settings.controller.js';

/** Two images (logo, signature) and the form's text fields with their multipart framing. */
const letterUploads = multipartForm({ maxBytes: () => 2 * LETTER_IMAGE_MAX_BYTES + 64 * 1024 });

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
