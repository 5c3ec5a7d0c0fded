import { Module } from '@nestjs/common';
import { CertificatesModule } from '#certificates';
import { VerifyPageController } from './verify.controller.js';

/** The public verification page behind the QR code printed on documents. */
@Module({
  imports: [CertificatesModule],
  controllers: [VerifyPageController],
})
export class VerifyPagesModule {}
