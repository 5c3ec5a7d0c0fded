/** English wording of the public event pages: the reference every other language matches key for key. */
export const event = {
  listTitle: 'Meetings and immersions',
  listLead: 'The meetings of the partner network open for registration.',
  none: 'No event is open at the moment.',
  kinds: { meeting: 'Meeting', immersion: 'Immersion' },
  statuses: {
    draft: 'Draft',
    published: 'Open',
    closed: 'Closed',
    archived: 'Archived',
  },
  open: 'See the event',
};

export type EventMessages = typeof event;
