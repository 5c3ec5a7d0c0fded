import { textOf } from '../http/forms.js';
import { emergencyContactFrom } from './emergency-contact.js';

/**
 * The details both registration forms ask (the participant's own and the organiser's on
 * someone's behalf), read from a posted form as the DTOs expect them: text without empty
 * strings (undefined), the emergency contact nested. Languages are each form's own
 * (checkboxes or typed codes), and so are the consent and the person fields.
 */
export function registrationDetailsFrom(body: Record<string, unknown>) {
  return {
    organisationId: textOf(body, 'organisationId'),
    profession: textOf(body, 'profession'),
    professionOther: textOf(body, 'professionOther'),
    dietary: textOf(body, 'dietary'),
    accessibility: textOf(body, 'accessibility'),
    phone: textOf(body, 'phone'),
    emergencyContact: emergencyContactFrom(body),
  };
}
