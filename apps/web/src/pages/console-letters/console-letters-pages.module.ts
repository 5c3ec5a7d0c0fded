import { type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { LETTER_IMAGE_MAX_BYTES, TravelModule } from '#travel';
import { multipartForm } from '../../http/multipart-form.js';
import { UploadGate } from '../../http/upload-gate.js';
import { LetterSettingsPageController } from './letter-settings.controller.js';

/** The console-letters pages: the event's invitation letter settings (organisers). */
@Module({
  imports: [TravelModule],
  controllers: [LetterSettingsPageController],
  providers: [UploadGate],
})
export class ConsoleLettersPagesModule implements NestModule {
  constructor(private readonly gate: UploadGate) {}

  configure(consumer: MiddlewareConsumer): void {
    // Two images (logo, signature) and the form's text fields; only from the organisers.
    const letterUploads = multipartForm({
      maxBytes: () => 2 * LETTER_IMAGE_MAX_BYTES + 64 * 1024,
      allow: this.gate.organisers,
    });
    consumer.apply(letterUploads).forRoutes(LetterSettingsPageController);
  }
}
