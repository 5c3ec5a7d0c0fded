import { textOf } from '../http/forms.js';
import { type FormState, TextField } from './form.js';

/** The three emergency-contact fields of a registration form, named as the DTO nests them. */
export function EmergencyContactFields(props: {
  form: FormState;
  labels: { name: string; phone: string; relation: string };
}) {
  const { form, labels } = props;
  return (
    <>
      <TextField form={form} name="emergencyContact.name" label={labels.name} maxLength={200} />
      <TextField
        form={form}
        name="emergencyContact.phone"
        label={labels.phone}
        type="tel"
        inputmode="tel"
        dir="ltr"
        maxLength={30}
      />
      <TextField
        form={form}
        name="emergencyContact.relation"
        label={labels.relation}
        maxLength={100}
      />
    </>
  );
}

/** The emergency contact a form sent, without its empty parts; none when all three are empty. */
export function emergencyContactFrom(
  body: Record<string, unknown>,
): { name?: string; phone?: string; relation?: string } | undefined {
  const contact = {
    name: textOf(body, 'emergencyContact.name'),
    phone: textOf(body, 'emergencyContact.phone'),
    relation: textOf(body, 'emergencyContact.relation'),
  };
  if (!contact.name && !contact.phone && !contact.relation) return undefined;
  return Object.fromEntries(Object.entries(contact).filter(([, v]) => v !== undefined));
}
