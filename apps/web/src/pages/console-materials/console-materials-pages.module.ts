import { type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { materialMaxBytes, SharingModule } from '#sharing';
import { multipartForm } from '../../http/multipart-form.js';
import { ConsoleMaterialsController } from './console-materials.controller.js';

/** Upload forms: the file plus the form's few text fields and multipart framing. */
const materialUploads = multipartForm({ maxBytes: () => materialMaxBytes() + 64 * 1024 });

/** The console page of an event's shared documents. */
@Module({
  imports: [SharingModule],
  controllers: [ConsoleMaterialsController],
})
export class ConsoleMaterialsPagesModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(materialUploads).forRoutes(ConsoleMaterialsController);
  }
}
