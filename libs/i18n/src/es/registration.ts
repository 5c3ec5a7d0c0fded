import type { RegistrationMessages } from '../en/registration.js';

export const registration: RegistrationMessages = {};
