import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventsModule } from '#events';
import { Organisation } from './organisation.entity.js';
import { OrganisationsService } from './organisations.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Organisation]), EventsModule],
  providers: [OrganisationsService],
  exports: [OrganisationsService, TypeOrmModule],
})
export class OrganisationsModule {}
