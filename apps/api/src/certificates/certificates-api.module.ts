import { Module } from '@nestjs/common';
import { CertificatesModule } from '#certificates';
import { CertificatesController } from './certificates.controller.js';
import { VerifyController } from './verify.controller.js';

/** Certificates of attendance and the verification of every document, over HTTP. */
@Module({
  imports: [CertificatesModule],
  controllers: [CertificatesController, VerifyController],
})
export class CertificatesApiModule {}
