import { Foundation1763700000000 } from './1763700000000-foundation.js';
import { MessagesOutbox1763700050000 } from './1763700050000-messages-outbox.js';
import { Registrations1763700100000 } from './1763700100000-registrations.js';
import { Agenda1763700200000 } from './1763700200000-agenda.js';
import { MessagesDelivery1763700300000 } from './1763700300000-messages-delivery.js';
import { RegistrationPhone1763700400000 } from './1763700400000-registration-phone.js';
import { PersonalDataRetention1763700500000 } from './1763700500000-personal-data-retention.js';
import { AccentInsensitiveSearch1763700600000 } from './1763700600000-accent-insensitive-search.js';
import { CalendarFeeds1763700700000 } from './1763700700000-calendar-feeds.js';
import { Travel1763700800000 } from './1763700800000-travel.js';
import { WebSessions1763700900000 } from './1763700900000-web-sessions.js';
import { AccountLinks1763701000000 } from './1763701000000-account-links.js';
import { EventTexts1763701300000 } from './1763701300000-event-texts.js';
import { RegistrationConsent1763701400000 } from './1763701400000-registration-consent.js';
import { MagicLinkPurpose1763701900000 } from './1763701900000-magic-link-purpose.js';
import { TokenVersion1763702000000 } from './1763702000000-token-version.js';
import { LetterVerification1763702100000 } from './1763702100000-letter-verification.js';
import { LetterSettings1763702200000 } from './1763702200000-letter-settings.js';
import { Onsite1763702300000 } from './1763702300000-onsite.js';
import { Certificates1763702400000 } from './1763702400000-certificates.js';
import { Accommodation1763702500000 } from './1763702500000-accommodation.js';
import { Finance1763702600000 } from './1763702600000-finance.js';
import { MailRetries1763702700000 } from './1763702700000-mail-retries.js';
import { SeedKeys1763702900000 } from './1763702900000-seed-keys.js';
import { SessionTexts1763702910000 } from './1763702910000-session-texts.js';
import { Sharing1763703100000 } from './1763703100000-sharing.js';
import { Exchanges1763703200000 } from './1763703200000-exchanges.js';
import { ImmersionSessionKinds1763703210000 } from './1763703210000-immersion-session-kinds.js';
import { EventSeatCounts1763703000000 } from './1763703000000-event-seat-counts.js';
import { Feedback1763703400000 } from './1763703400000-feedback.js';
import { FoldedNames1763703900000 } from './1763703900000-folded-names.js';
import { LearningJournals1763703300000 } from './1763703300000-learning-journals.js';
import { OutboxWakeAfterCommit1763704000000 } from './1763704000000-outbox-wake-after-commit.js';
import { AnnouncementMessagesIndex1763704100000 } from './1763704100000-announcement-messages-index.js';
import { LetterNumberIndex1763704200000 } from './1763704200000-letter-number-index.js';
import { RegistrationListOrderIndex1763704300000 } from './1763704300000-registration-list-order-index.js';
import { EventScopedIndexes1763704400000 } from './1763704400000-event-scoped-indexes.js';
import { ErasureIndexes1763704500000 } from './1763704500000-erasure-indexes.js';

/** Every migration, in order. Add new ones at the end; never edit one that has shipped. */
export const MIGRATIONS = [
  Foundation1763700000000,
  MessagesOutbox1763700050000,
  Registrations1763700100000,
  Agenda1763700200000,
  MessagesDelivery1763700300000,
  RegistrationPhone1763700400000,
  PersonalDataRetention1763700500000,
  AccentInsensitiveSearch1763700600000,
  CalendarFeeds1763700700000,
  Travel1763700800000,
  WebSessions1763700900000,
  AccountLinks1763701000000,
  EventTexts1763701300000,
  RegistrationConsent1763701400000,
  MagicLinkPurpose1763701900000,
  TokenVersion1763702000000,
  LetterVerification1763702100000,
  LetterSettings1763702200000,
  Onsite1763702300000,
  Certificates1763702400000,
  Accommodation1763702500000,
  Finance1763702600000,
  MailRetries1763702700000,
  SeedKeys1763702900000,
  SessionTexts1763702910000,
  EventSeatCounts1763703000000,
  Sharing1763703100000,
  Exchanges1763703200000,
  ImmersionSessionKinds1763703210000,
  LearningJournals1763703300000,
  Feedback1763703400000,
  FoldedNames1763703900000,
  OutboxWakeAfterCommit1763704000000,
  AnnouncementMessagesIndex1763704100000,
  LetterNumberIndex1763704200000,
  RegistrationListOrderIndex1763704300000,
  EventScopedIndexes1763704400000,
  ErasureIndexes1763704500000,
];
