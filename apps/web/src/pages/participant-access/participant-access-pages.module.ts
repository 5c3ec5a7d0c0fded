import { Module } from '@nestjs/common';

/** The participant-access pages: their controllers, and the domain modules whose services they call. */
@Module({
  imports: [],
  controllers: [],
})
export class ParticipantAccessPagesModule {}
