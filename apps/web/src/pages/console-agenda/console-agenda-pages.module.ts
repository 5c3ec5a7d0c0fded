import { Module } from '@nestjs/common';

/** The console-agenda pages: their controllers, and the domain modules whose services they call. */
@Module({
  imports: [],
  controllers: [],
})
export class ConsoleAgendaPagesModule {}
