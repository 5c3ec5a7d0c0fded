import { toZonedIso } from '#core';
import type { Registration } from './registration.entity.js';

export interface EmergencyContact {
  name: string;
  phone: string;
  relation: string | null;
}

/** The contact is only worth showing with both a name and a phone. */
export function emergencyContactOf(
  name: string | null,
  phone: string | null,
  relation: string | null,
): EmergencyContact | null {
  return name && phone ? { name, phone, relation } : null;
}

export interface RegistrationView {
  id: string;
  eventId: string;
  accountId: string;
  status: string;
  organisationId: string;
  profession: string;
  professionOther: string | null;
  languages: string[];
  dietary: string | null;
  accessibility: string | null;
  /**
   * The participant's mobile for the event's logistics. Every caller of this view has
   * already checked the reader is the owner or an organiser (RegistrationAccess).
   */
  phone: string | null;
  emergencyContact: EmergencyContact | null;
  /** Not given yet while an organiser's registration awaits the person's answer. */
  consent: {
    dataProcessing: boolean;
    at: string | null;
    /** Which consent text (CONSENT_VERSIONS) was agreed to, and in which language. */
    version: string | null;
    locale: string | null;
  };
  /** 1 for the next person to get a seat; null unless waitlisted. */
  waitlistPosition: number | null;
  statusChangedAt: string;
  createdAt: string;
  updatedAt: string;
}

/** Instants in the event's own zone, as the people going there read them. */
export function toRegistrationView(
  r: Registration,
  timezone: string,
  waitlistPosition: number | null = null,
): RegistrationView {
  return {
    id: r.id,
    eventId: r.eventId,
    accountId: r.accountId,
    status: r.status,
    organisationId: r.organisationId,
    profession: r.profession,
    professionOther: r.professionOther,
    languages: r.languages,
    dietary: r.dietary,
    accessibility: r.accessibility,
    phone: r.phone,
    emergencyContact: emergencyContactOf(
      r.emergencyContactName,
      r.emergencyContactPhone,
      r.emergencyContactRelation,
    ),
    consent: {
      dataProcessing: r.consentDataProcessingAt !== null,
      at: r.consentDataProcessingAt ? toZonedIso(r.consentDataProcessingAt, timezone) : null,
      version: r.consentVersion ?? null,
      locale: r.consentLocale ?? null,
    },
    waitlistPosition: r.status === 'waitlisted' ? waitlistPosition : null,
    statusChangedAt: toZonedIso(r.statusChangedAt, timezone),
    createdAt: toZonedIso(r.createdAt, timezone),
    updatedAt: toZonedIso(r.updatedAt, timezone),
  };
}
