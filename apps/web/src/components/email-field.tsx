import { type FormState, TextField } from './form.js';

/**
 * An email address field: the phone's email keyboard, written left to right, required.
 * autocomplete is 'email' unless told: 'username' beside a password, 'off' for someone
 * else's address.
 */
export function EmailField(props: {
  form: FormState;
  label: string;
  autocomplete?: string;
  maxLength?: number;
}) {
  return (
    <TextField
      form={props.form}
      name="email"
      label={props.label}
      type="email"
      autocomplete={props.autocomplete ?? 'email'}
      inputmode="email"
      dir="ltr"
      maxLength={props.maxLength}
      required
    />
  );
}
