import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventsModule } from '#events';
import { FilesModule } from '#files';
import { AgendaMaterials } from './agenda-materials.service.js';
import { EventPeople } from './audience.js';
import { Directory } from './directory.service.js';
import { Materials } from './materials.service.js';
import { DirectoryListing, EventMaterial } from './sharing.entities.js';

/** Shared materials (in the FILE_STORAGE of FilesModule) and the opt-in directory. */
@Module({
  imports: [TypeOrmModule.forFeature([EventMaterial, DirectoryListing]), EventsModule, FilesModule],
  providers: [EventPeople, Materials, Directory, AgendaMaterials],
  exports: [EventPeople, Materials, Directory, AgendaMaterials],
})
export class SharingModule {}
