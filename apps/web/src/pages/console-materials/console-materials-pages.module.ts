import { type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { materialMaxBytes, SharingModule } from '#sharing';
import { multipartForm } from '../../http/multipart-form.js';
import { UploadGate } from '../../http/upload-gate.js';
import { ConsoleMaterialsController } from './console-materials.controller.js';

/** The console page of an event's shared documents. */
@Module({
  imports: [SharingModule],
  controllers: [ConsoleMaterialsController],
  providers: [UploadGate],
})
export class ConsoleMaterialsPagesModule implements NestModule {
  constructor(private readonly gate: UploadGate) {}

  configure(consumer: MiddlewareConsumer): void {
    // The file plus the form's few text fields and multipart framing; only from the
    // event's organisers and facilitators.
    const materialUploads = multipartForm({
      maxBytes: () => materialMaxBytes() + 64 * 1024,
      allow: this.gate.organisersAndFacilitators,
    });
    consumer.apply(materialUploads).forRoutes(ConsoleMaterialsController);
  }
}
