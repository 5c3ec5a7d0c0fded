import { Module } from '@nestjs/common';
import { CertificatesModule } from '#certificates';
import { ConsoleCertificatesController } from './console-certificates.controller.js';
import { MyCertificateController } from './my-certificate.controller.js';

/** Certificates of attendance: the organisers' page and the participant's download. */
@Module({
  imports: [CertificatesModule],
  controllers: [ConsoleCertificatesController, MyCertificateController],
})
export class ConsoleCertificatesPagesModule {}
