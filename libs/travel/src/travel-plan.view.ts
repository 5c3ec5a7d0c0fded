import { toZonedIso } from '#core';
import type { TravelWarning } from './passport.js';
import type { VisaStatus } from './visa-rules.js';

export interface FlightLegView {
  flightNumber: string;
  airport: string;
  /** Local time at the airport, with its offset (the event's zone when the airport's is unknown). */
  at: string;
  airportTimezone: string | null;
  /** The same instant in the event's zone. */
  atEventTime: string;
}

export interface VisaChangeView {
  from: VisaStatus | null;
  to: VisaStatus;
  at: string;
  by: { id: string; name: string } | null;
  note: string | null;
}

export interface PickupGroupRef {
  id: string;
  airport: string;
  firstArrivalAt: string;
  lastArrivalAt: string;
  size: number;
}

export interface TravelPlanView {
  registrationId: string;
  eventId: string;
  passport: {
    nationality: string | null;
    /** In full for the holder only; "•••••1234" for organisers. */
    number: string | null;
    numberMasked: boolean;
    expiresOn: string | null;
  } | null;
  visa: {
    /** From the event's visa rules; null until the nationality is known. */
    required: boolean | null;
    status: VisaStatus | null;
    statusChangedAt: string | null;
    letterIssuedAt: string | null;
    history: VisaChangeView[];
  };
  arrival: FlightLegView | null;
  departure: FlightLegView | null;
  /** Derived from everyone's arrivals (same airport, within 90 minutes); confirmed people only. */
  pickupGroup: PickupGroupRef | null;
  warnings: TravelWarning[];
  updatedAt: string | null;
}

export function legView(
  flightNumber: string | null,
  airport: string | null,
  at: Date | null,
  airportTimezone: string | null,
  eventZone: string,
): FlightLegView | null {
  if (!flightNumber || !airport || !at) return null;
  return {
    flightNumber,
    airport,
    at: toZonedIso(at, airportTimezone ?? eventZone),
    airportTimezone,
    atEventTime: toZonedIso(at, eventZone),
  };
}
