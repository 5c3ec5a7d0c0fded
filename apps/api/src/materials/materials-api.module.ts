import { Module } from '@nestjs/common';
import { SharingModule } from '#sharing';
import { MaterialsController } from './materials.controller.js';

/** Shared materials and the opt-in directory over HTTP; one import in AppModule. */
@Module({
  imports: [SharingModule],
  controllers: [MaterialsController],
})
export class MaterialsApiModule {}
