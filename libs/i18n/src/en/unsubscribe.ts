/** The page behind the unsubscribe link at the foot of an optional announcement. */
export const unsubscribe = {
  title: 'Stop the announcements',
  lead: (event: string) => `Optional announcements from the organisers of ${event}.`,
  explain:
    'You will still get the emails about your registration, your sessions and your visa letter, and announcements the organisers mark as essential.',
  confirm: 'Stop these announcements',
  done: (event: string) => `You will no longer get the optional announcements of ${event}.`,
  already: (event: string) => `You already get no optional announcements of ${event}.`,
};

export type UnsubscribeMessages = typeof unsubscribe;
