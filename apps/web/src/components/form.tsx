import type { ComponentChildren } from 'preact';
import type { WebContext } from '../http/web-context.js';

/** What a form shows again after a failed submit: what was typed, and a message per field. */
export interface FormState {
  values: Record<string, unknown>;
  errors: Record<string, string>;
  /** Set when two forms on one page share field names, so every id stays unique. */
  idPrefix?: string;
}

export const emptyForm = (values: Record<string, unknown> = {}): FormState => ({
  values,
  errors: {},
});

/** Field names become ids: `venue.name` -> `f-venue-name`. */
export const fieldId = (name: string, prefix = '') => `f-${prefix}${name.replace(/[^\w-]/g, '-')}`;

export function Form(props: {
  ctx: WebContext;
  action: string;
  method?: 'post' | 'get';
  children: ComponentChildren;
  class?: string;
  id?: string;
  novalidate?: boolean;
}) {
  const method = props.method ?? 'post';
  return (
    <form
      action={props.action}
      method={method}
      class={props.class}
      id={props.id}
      noValidate={props.novalidate ?? true}
    >
      {method === 'post' && <input type="hidden" name="_csrf" value={props.ctx.csrfToken} />}
      {props.children}
    </form>
  );
}

/** A one-button form (approve, cancel, sign out): state changes are always POSTs. */
export function ActionButton(props: {
  ctx: WebContext;
  action: string;
  label: string;
  variant?: 'secondary' | 'danger' | 'small' | 'linkish';
  confirm?: string;
  hidden?: Record<string, string>;
}) {
  const cls = props.variant === 'linkish' ? 'linkish' : `btn ${props.variant ?? ''}`.trim();
  return (
    <Form ctx={props.ctx} action={props.action} class="inline-form">
      {Object.entries(props.hidden ?? {}).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <button type="submit" class={cls} data-confirm={props.confirm}>
        {props.label}
      </button>
    </Form>
  );
}

/** The summary at the top of a form: every problem, each a link to its field. */
export function ErrorSummary(props: {
  ctx: WebContext;
  form: FormState;
  labels: Record<string, string>;
}) {
  const entries = Object.entries(props.form.errors);
  if (entries.length === 0) return null;
  const t = props.ctx.t.common;
  return (
    <div class="error-summary" role="alert" tabIndex={-1} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{t.errorSummaryTitle}</h2>
      <p>{t.errorCount(entries.length)}</p>
      <ul>
        {entries.map(([field, message]) => (
          <li>
            <a href={`#${fieldId(field, props.form.idPrefix)}`}>
              {props.labels[field] ? t.fieldProblem(props.labels[field], message) : message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

interface FieldProps {
  form: FormState;
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
}

function describedBy(name: string, hint?: string, error?: string, prefix?: string) {
  const ids = [
    hint ? `${fieldId(name, prefix)}-hint` : '',
    error ? `${fieldId(name, prefix)}-error` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return ids || undefined;
}

function FieldFrame(props: FieldProps & { children: ComponentChildren }) {
  const error = props.form.errors[props.name];
  return (
    <div class={`field${error ? ' invalid' : ''}`}>
      <label for={fieldId(props.name, props.form.idPrefix)}>{props.label}</label>
      {props.hint && (
        <span class="hint" id={`${fieldId(props.name, props.form.idPrefix)}-hint`}>
          {props.hint}
        </span>
      )}
      {error && (
        <span class="error" id={`${fieldId(props.name, props.form.idPrefix)}-error`}>
          {error}
        </span>
      )}
      {props.children}
    </div>
  );
}

const text = (v: unknown) => (v === undefined || v === null ? '' : String(v));

export function TextField(
  props: FieldProps & {
    type?: 'text' | 'email' | 'password' | 'tel' | 'date' | 'datetime-local' | 'number' | 'url';
    autocomplete?: string;
    inputmode?: 'numeric' | 'tel' | 'email' | 'text';
    maxLength?: number;
    dir?: 'auto' | 'ltr';
  },
) {
  const error = props.form.errors[props.name];
  return (
    <FieldFrame {...props}>
      <input
        id={fieldId(props.name, props.form.idPrefix)}
        name={props.name}
        type={(props.type ?? 'text') as 'text'}
        value={props.type === 'password' ? '' : text(props.form.values[props.name])}
        autocomplete={props.autocomplete}
        inputMode={props.inputmode}
        maxLength={props.maxLength}
        required={props.required}
        dir={props.dir ?? 'auto'}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(props.name, props.hint, error, props.form.idPrefix)}
      />
    </FieldFrame>
  );
}

export function TextArea(props: FieldProps & { rows?: number; maxLength?: number }) {
  const error = props.form.errors[props.name];
  return (
    <FieldFrame {...props}>
      <textarea
        id={fieldId(props.name, props.form.idPrefix)}
        name={props.name}
        rows={props.rows ?? 4}
        maxLength={props.maxLength}
        required={props.required}
        dir="auto"
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(props.name, props.hint, error, props.form.idPrefix)}
      >
        {text(props.form.values[props.name])}
      </textarea>
    </FieldFrame>
  );
}

export function SelectField(
  props: FieldProps & { options: Array<{ value: string; label: string }>; placeholder?: string },
) {
  const error = props.form.errors[props.name];
  const current = text(props.form.values[props.name]);
  return (
    <FieldFrame {...props}>
      <select
        id={fieldId(props.name, props.form.idPrefix)}
        name={props.name}
        required={props.required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(props.name, props.hint, error, props.form.idPrefix)}
      >
        {props.placeholder !== undefined && <option value="">{props.placeholder}</option>}
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === current}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/** One checkbox; its value is "on" when ticked (forms send nothing when it is not). */
export function CheckboxField(props: FieldProps & { children?: ComponentChildren }) {
  const error = props.form.errors[props.name];
  const v = props.form.values[props.name];
  return (
    <div class={`field${error ? ' invalid' : ''}`}>
      {error && (
        <span class="error" id={`${fieldId(props.name, props.form.idPrefix)}-error`}>
          {error}
        </span>
      )}
      <div class="check">
        <input
          type="checkbox"
          id={fieldId(props.name, props.form.idPrefix)}
          name={props.name}
          value="on"
          checked={v === true || v === 'on' || v === 'true'}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={describedBy(props.name, props.hint, error, props.form.idPrefix)}
        />
        <label for={fieldId(props.name, props.form.idPrefix)}>{props.label}</label>
      </div>
      {props.hint && (
        <span class="hint" id={`${fieldId(props.name, props.form.idPrefix)}-hint`}>
          {props.hint}
        </span>
      )}
      {props.children}
    </div>
  );
}

/** Several checkboxes under one legend (languages spoken, sessions to move). */
export function CheckboxGroup(
  props: FieldProps & { options: Array<{ value: string; label: string }> },
) {
  const error = props.form.errors[props.name];
  const raw = props.form.values[props.name];
  const chosen = new Set(Array.isArray(raw) ? raw.map(String) : raw ? [String(raw)] : []);
  return (
    <fieldset
      class={`field${error ? ' invalid' : ''}`}
      id={fieldId(props.name, props.form.idPrefix)}
      aria-describedby={describedBy(props.name, props.hint, error, props.form.idPrefix)}
    >
      <legend>{props.label}</legend>
      {props.hint && (
        <span class="hint" id={`${fieldId(props.name, props.form.idPrefix)}-hint`}>
          {props.hint}
        </span>
      )}
      {error && (
        <span class="error" id={`${fieldId(props.name, props.form.idPrefix)}-error`}>
          {error}
        </span>
      )}
      {props.options.map((o, i) => (
        <div class="check">
          <input
            type="checkbox"
            id={`${fieldId(props.name, props.form.idPrefix)}-${i}`}
            name={props.name}
            value={o.value}
            checked={chosen.has(o.value)}
          />
          <label for={`${fieldId(props.name, props.form.idPrefix)}-${i}`}>{o.label}</label>
        </div>
      ))}
    </fieldset>
  );
}
