import { num } from './num.js';

/** Shared materials and the opt-in directory of participants (participant and console pages). */
export const sharing = {
  materials: {
    title: 'Materials',
    lead: 'Documents the organisers and facilitators share with the people of this event.',
    none: 'No documents shared yet.',
    eventWide: 'For the whole event',
    forSession: (title: string) => `Session: ${title}`,
    download: 'Download',
    downloadNamed: (title: string) => `Download ${title}`,
    size: (kb: number) => (kb >= 1024 ? `${(kb / 1024).toFixed(1)} MB` : `${num(kb)} KB`),
    types: {
      pdf: 'PDF',
      docx: 'Word',
      pptx: 'PowerPoint',
      xlsx: 'Excel',
      png: 'Image',
      jpg: 'Image',
    } as Record<string, string>,
  },
  console: {
    title: 'Materials',
    lead: 'Share the guide handed over at the meeting, workshop slides and other documents. Only the event’s participants and staff can download them.',
    uploadTitle: 'Share a document',
    file: 'File',
    fileHint: (mb: number) => `PDF, Word, PowerPoint, Excel, PNG or JPEG, ${num(mb)} MB at most.`,
    docTitle: 'Title (optional)',
    docTitleHint: 'The file name is used when left empty.',
    session: 'Session',
    wholeEvent: 'The whole event',
    upload: 'Share',
    remove: 'Delete',
    removeConfirm: 'Delete this document? Participants will no longer be able to download it.',
    listTitle: 'Shared documents',
    fileRequired: 'Choose a file to share.',
    fileTooLarge: (mb: number) => `The file is too large: ${num(mb)} MB at most.`,
    fileType:
      'This file is not a PDF, Word, PowerPoint, Excel, PNG or JPEG document, whatever its name says.',
  },
  people: {
    title: 'Who is coming',
    lead: 'Participants who chose to appear here, so you can find peers before the event. Emails and phones are never shown.',
    optInTitle: 'Show me in the directory',
    optInLabel:
      'Show my name, organisation, country, profession and languages to the other participants',
    optInHint: 'Off unless you tick it. Untick it at any time and you disappear at once.',
    save: 'Save my choice',
    listed: 'You appear in the directory.',
    notListed: 'You do not appear in the directory.',
    none: 'Nobody has chosen to appear yet.',
    count: (n: number) => (n === 1 ? '1 person' : `${num(n)} people`),
    you: '(you)',
    languages: (list: string) => `Languages: ${list}`,
    materialsLink: 'Documents shared for this event',
    peopleLink: 'Who is coming',
  },
  flash: {
    uploaded: 'The document is shared.',
    removed: 'The document is deleted.',
    listed: 'You now appear in the directory.',
    unlisted: 'You no longer appear in the directory.',
  },
};

export type SharingMessages = typeof sharing;
