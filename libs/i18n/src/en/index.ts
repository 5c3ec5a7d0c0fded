/* Every area of the en catalogue. Each page group owns its area file. */
import { common } from './common.js';
import { validation } from './validation.js';
import { apiErrors } from './api-errors.js';
import { auth } from './auth.js';
import { event } from './event.js';
import { registration } from './registration.js';
import { travel } from './travel.js';
import { agenda } from './agenda.js';
import { calendar } from './calendar.js';
import { mydata } from './mydata.js';
import { host } from './host.js';
import { consoleShell } from './console-shell.js';
import { consoleEvents } from './console-events.js';
import { consoleRegistrations } from './console-registrations.js';
import { consoleVisas } from './console-visas.js';
import { consoleAgenda } from './console-agenda.js';
import { consoleMessages } from './console-messages.js';
import { dashboard } from './dashboard.js';
import { verify } from './verify.js';
import { checkin } from './checkin.js';
import { accommodation } from './accommodation.js';
import { certificates } from './certificates.js';
import { finance } from './finance.js';
import { letters } from './letters.js';
import { sharing } from './sharing.js';
import { feedback } from './feedback.js';
import { learning } from './learning.js';
import { agendaMaterials } from './agenda-materials.js';
import { unsubscribe } from './unsubscribe.js';
import { letterDetails } from './letter-details.js';
import { exchanges } from './exchanges.js';

export const en = {
  common,
  validation,
  auth,
  event,
  registration,
  travel,
  agenda,
  calendar,
  mydata,
  host,
  consoleShell,
  consoleEvents,
  consoleRegistrations,
  consoleVisas,
  consoleAgenda,
  consoleMessages,
  dashboard,
  verify,
  checkin,
  certificates,
  finance,
  accommodation,
  letters,
  sharing,
  feedback,
  learning,
  agendaMaterials,
  unsubscribe,
  letterDetails,
  exchanges,
  apiErrors,
};
