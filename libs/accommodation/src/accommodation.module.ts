import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventsModule } from '#events';
import { RegistrationsModule } from '#registrations';
import { Hotel } from './hotel.entity.js';
import { HotelRoom } from './hotel-room.entity.js';
import { RoomInventory } from './room-inventory.entity.js';
import { Stay } from './stay.entity.js';
import { Hotels } from './hotels.service.js';
import { AccommodationAccess } from './organiser-access.js';
import { RoomAssignments } from './room-assignments.service.js';
import { RoomingLists } from './rooming-list.service.js';
import { Stays } from './stays.service.js';

/**
 * Hotels, rooms per night, who sleeps where and the hotel's rooming list. Reads flights
 * from travel_plans (SQL only, no import of the travel lib: nights follow flights).
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([Hotel, HotelRoom, RoomInventory, Stay]),
    EventsModule,
    RegistrationsModule,
  ],
  providers: [AccommodationAccess, Stays, Hotels, RoomAssignments, RoomingLists],
  exports: [Stays, Hotels, RoomAssignments, RoomingLists],
})
export class AccommodationModule {}
