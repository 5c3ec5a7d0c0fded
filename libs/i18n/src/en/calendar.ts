/** English wording of the calendar subscription page: the reference for the other languages. */
export const calendar = {
  title: 'Subscribe to my agenda',
  lead: 'Add your agenda to the calendar of your phone or computer. It updates by itself when a session moves.',
  noLink: 'You have no subscription link yet.',
  create: 'Create my subscription link',
  linkSince: (date: string) => `You have a subscription link, created on ${date}.`,
  lastUsed: (date: string) => `A calendar app last fetched it on ${date}.`,
  neverUsed: 'No calendar app has used it yet.',
  shownOnce:
    'For your security, Convene keeps only a fingerprint of the link and cannot show it again. To add your agenda to another device, create a new link.',
  newLinkTitle: 'Your subscription link',
  secret:
    'Keep this link to yourself: anyone who has it can see your agenda. It is shown only now; copy it or add it to your calendar straight away.',
  phone: 'On this device (phone, tablet or computer)',
  addToPhone: 'Add to my calendar (webcal)',
  copyTitle: 'In a calendar app on a computer',
  copyLabel: 'Subscription address (https)',
  copyHint: 'Copy it into your calendar app, under “Add calendar from URL” or “Subscribe”.',
  copy: 'Copy',
  copied: 'Copied',
  scanTitle: 'From a laptop to your phone',
  scanHint: 'Scan this code with your phone’s camera to subscribe on your phone.',
  qrLabel: 'QR code of your subscription address',
  fileTitle: 'A one-off file',
  fileHint:
    'Download your agenda as it is now (an .ics file). It does not update: prefer the subscription.',
  download: 'Download my agenda (.ics)',
  manageTitle: 'Manage the link',
  rotate: 'Create a new link',
  rotateHint:
    'The current link stops working at once: calendars subscribed with it will no longer update.',
  rotateConfirm: 'The current link will stop working at once. Create a new one?',
  revoke: 'Revoke the link',
  revokeHint: 'The link stops working at once and no new one is created.',
  revokeConfirm: 'Revoke your subscription link?',
  revoked: 'Your subscription link has been revoked: it no longer works.',
  rotated: 'Here is your new link. The previous one no longer works.',
};

export type CalendarMessages = typeof calendar;
