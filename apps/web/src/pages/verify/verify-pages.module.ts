import { Module } from '@nestjs/common';
import { TravelModule } from '#travel';
import { VerifyPageController } from './verify.controller.js';

/** The public verification page behind the QR code printed on documents. */
@Module({
  imports: [TravelModule],
  controllers: [VerifyPageController],
})
export class VerifyPagesModule {}
