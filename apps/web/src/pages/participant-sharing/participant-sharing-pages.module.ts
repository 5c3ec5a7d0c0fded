import { Module } from '@nestjs/common';
import { EventsModule } from '#events';
import { SharingModule } from '#sharing';
import { SharingPagesController } from './sharing.controller.js';

/** The participant's pages of shared documents and the opt-in directory. */
@Module({
  imports: [EventsModule, SharingModule],
  controllers: [SharingPagesController],
})
export class ParticipantSharingPagesModule {}
