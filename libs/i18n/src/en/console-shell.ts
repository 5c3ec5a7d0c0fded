/** English wording of the organiser console's frame: the reference every other language matches. */
export const consoleShell = {
  title: 'Organiser console',
  sections: {
    overview: 'Dashboard',
    registrations: 'Registrations',
    visas: 'Visas',
    letter: 'Invitation letter',
    arrivals: 'Arrivals',
    accommodation: 'Accommodation',
    agenda: 'Agenda',
    checkin: 'Check-in',
    announcements: 'Announcements',
    messages: 'Messages',
    settings: 'Settings',
    staff: 'Staff',
    finance: 'Finance',
    certificates: 'Certificates',
    materials: 'Materials',
    feedback: 'Feedback',
  },
  /** The menu of an immersion's hosts: beside the agenda, their own pages. */
  hostSections: { visitors: 'Visitors', journal: 'Journal answers' },
  sectionNav: 'Event sections',
  allEvents: 'All events',
  eventIn: (zone: string) => `Times in ${zone}`,
};

export type ConsoleShellMessages = typeof consoleShell;
