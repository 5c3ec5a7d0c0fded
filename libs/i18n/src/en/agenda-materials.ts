/** Shared documents as the agenda pages show them (session page, event agenda, my agenda). */
export const agendaMaterials = {
  sessionTitle: 'Documents for this session',
  eventTitle: 'Documents for the whole event',
  allLink: 'All the documents shared for this event',
  share: 'Share a document for this session',
  /** A document's type and size, read out after its name ("PDF, 1.2 MB"). */
  details: (type: string, size: string) => (type ? `${type}, ${size}` : size),
};

export type AgendaMaterialsMessages = typeof agendaMaterials;
