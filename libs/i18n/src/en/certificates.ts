import { num } from './num.js';

/**
 * English wording of certificates of attendance (the PDF) and of the pages that offer
 * them (a participant's registrations, the console's certificates page). Reference for fr and es.
 */
export const certificates = {
  pdf: {
    title: 'Certificate of attendance',
    /** "Tangier, 1 December 2026". */
    placeAndDate: (place: string, date: string) => `${place}, ${date}`,
    reference: (reference: string) => `Reference: ${reference}`,
    certify: 'The organisers certify that',
    organisation: (name: string) => `of ${name}`,
    attended: (event: string, place: string, dates: string) =>
      `took part in “${event}”, ${place}, ${dates}, and attended the sessions below.`,
    date: 'Date',
    hours: 'Time',
    session: 'Session',
    duration: 'Duration',
    /** Under the table: the times are local. */
    zoneNote: (zone: string) => `All times are ${zone}.`,
    total: 'Total attended:',
    /** A duration the local way: "12 h 30 min", "3 h". */
    amount: (hours: number, minutes: number) =>
      minutes === 0 ? `${num(hours)} h` : `${num(hours)} h ${String(minutes).padStart(2, '0')} min`,
    organisers: 'The organisers',
    verify: 'Check that this certificate is genuine: scan the QR code or open',
    filename: 'certificate',
  },
  participant: {
    download: 'Certificate of attendance (PDF)',
    title: 'Certificate of attendance',
    notEnded: 'Your certificate of attendance can be downloaded once the event has ended.',
    noAttendance:
      'No attended session is recorded for you at this event, so there is no certificate. If you attended, ask the organisers to correct the attendance.',
    notConfirmed: 'There is no certificate for a registration that was cancelled or refused.',
    back: 'Back to my registrations',
  },
  console: {
    nav: 'Certificates',
    title: 'Certificates of attendance',
    lead: 'Once the event has ended, everyone who attended at least one session (plenary, workshop or site visit) gets a certificate listing those sessions, their hours and the total, in their own language.',
    notEnded: (date: string) =>
      `Certificates can be downloaded once the event has ended (after ${date}).`,
    count: (n: number) =>
      n === 0
        ? 'Nobody has attended a session yet.'
        : n === 1
          ? 'One person attended at least one session.'
          : `${num(n)} people attended at least one session.`,
    zip: 'Download all certificates (ZIP)',
    attendance: 'Attendance is taken at the session doors (badges) and on the sign-up lists.',
    name: 'Name',
    sessions: 'Sessions',
    total: 'Total',
    pdf: 'PDF',
  },
};

export type CertificatesMessages = typeof certificates;
