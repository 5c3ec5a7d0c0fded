import { Module } from '@nestjs/common';
import { RateLimiter } from '#core';
import { EventsModule } from '#events';
import { RegistrationsModule } from '#registrations';
import { Certificates } from './certificates.service.js';
import { DocumentVerifications } from './document-verifications.service.js';

/**
 * Certificates of attendance, and the one verification of every document printed with a
 * QR code (letters, certificates, badges). Reads the travel and on-site tables; imports
 * neither module, so nothing here depends on their services.
 */
@Module({
  imports: [EventsModule, RegistrationsModule],
  providers: [Certificates, DocumentVerifications, RateLimiter],
  exports: [Certificates, DocumentVerifications],
})
export class CertificatesModule {}
