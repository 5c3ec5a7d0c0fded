import type { EventView } from '#events';
import { COVERAGE_ITEMS, COVERAGE_PAYERS, type LetterSettingsView } from '#travel';
import {
  CheckboxField,
  ErrorSummary,
  fieldId,
  type FormState,
  SelectField,
  TextArea,
  TextField,
} from '../../components/form.js';
import type { WebContext } from '../../http/web-context.js';
import { shortDateTime } from '../console-visas/visa-format.js';

export const letterPath = (eventId: string) => `/console/events/${eventId}/letter`;

/** A PNG or JPEG upload, with what is on file and a box to remove it. */
function ImageField(props: {
  ctx: WebContext;
  form: FormState;
  name: 'logo' | 'signature';
  label: string;
  removeLabel: string;
  onFile: LetterSettingsView['logo'];
}) {
  const { ctx, form, name } = props;
  const t = ctx.t.letters.settings;
  const id = fieldId(name);
  const error = form.errors[name];
  const described = [`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={`field${error ? ' invalid' : ''}`}>
      <label for={id}>{props.label}</label>
      <span class="hint" id={`${id}-hint`}>
        {t.imageHint}
        {props.onFile &&
          ` ${t.imageOnFile(
            props.onFile.contentType === 'image/png' ? 'PNG' : 'JPEG',
            Math.max(1, Math.round(props.onFile.bytes / 1024)),
          )}`}
      </span>
      {error && (
        <span class="error" id={`${id}-error`}>
          {error}
        </span>
      )}
      <input
        type="file"
        id={id}
        name={name}
        accept="image/png,image/jpeg"
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={described}
      />
      {props.onFile && (
        <div class="check">
          <input type="checkbox" id={`${id}-remove`} name={`remove.${name}`} value="on" />
          <label for={`${id}-remove`}>{props.removeLabel}</label>
        </div>
      )}
    </div>
  );
}

/** The event's invitation letter settings, in one form (works without JavaScript). */
export function LetterSettingsPage(props: {
  ctx: WebContext;
  event: EventView;
  view: LetterSettingsView;
  form: FormState;
}) {
  const { ctx, event, view, form } = props;
  const t = ctx.t.letters.settings;
  const payers = [...COVERAGE_PAYERS.map((p) => ({ value: p, label: t.payers[p] }))];
  const labels: Record<string, string> = {
    orgName: t.orgName,
    orgAddress: t.orgAddress,
    orgPhone: t.orgPhone,
    orgEmail: t.orgEmail,
    logo: t.logo,
    signatoryName: t.signatoryName,
    signatoryTitle: t.signatoryTitle,
    signature: t.signature,
    'consulateWording.fr': t.wordingFr,
    'consulateWording.en': t.wordingEn,
    'consulateWording.es': t.wordingEs,
    stayAddress: t.stayAddress,
    ...Object.fromEntries(COVERAGE_ITEMS.map((i) => [`coverage.${i}`, t.items[i]])),
  };
  return (
    <>
      <p class="lead">{t.lead}</p>
      {view.updatedAt && (
        <p class="muted">
          {t.updatedAt(shortDateTime(view.updatedAt, event.timezone, ctx.locale))}
        </p>
      )}
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <form
        action={letterPath(event.id)}
        method="post"
        enctype="multipart/form-data"
        class="card cl-form"
        id="cl-letter"
        noValidate
      >
        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
        <fieldset>
          <legend>{t.letterhead}</legend>
          <TextField form={form} name="orgName" label={t.orgName} maxLength={200} />
          <TextArea
            form={form}
            name="orgAddress"
            label={t.orgAddress}
            hint={t.orgAddressHint}
            rows={3}
            maxLength={500}
          />
          <div class="cl-row">
            <TextField
              form={form}
              name="orgPhone"
              label={t.orgPhone}
              type="tel"
              maxLength={40}
              dir="ltr"
            />
            <TextField
              form={form}
              name="orgEmail"
              label={t.orgEmail}
              type="email"
              maxLength={200}
              dir="ltr"
            />
          </div>
          <ImageField
            ctx={ctx}
            form={form}
            name="logo"
            label={t.logo}
            removeLabel={t.removeLogo}
            onFile={view.logo}
          />
        </fieldset>
        <fieldset>
          <legend>{t.signatory}</legend>
          <TextField form={form} name="signatoryName" label={t.signatoryName} maxLength={200} />
          <TextField
            form={form}
            name="signatoryTitle"
            label={t.signatoryTitle}
            hint={t.signatoryTitleHint}
            maxLength={200}
          />
          <ImageField
            ctx={ctx}
            form={form}
            name="signature"
            label={t.signature}
            removeLabel={t.removeSignature}
            onFile={view.signature}
          />
        </fieldset>
        <fieldset>
          <legend>{t.consulate}</legend>
          <p class="hint">{t.consulateHint}</p>
          <div class="cl-row">
            <TextField form={form} name="consulateWording.fr" label={t.wordingFr} maxLength={200} />
            <TextField form={form} name="consulateWording.en" label={t.wordingEn} maxLength={200} />
            <TextField form={form} name="consulateWording.es" label={t.wordingEs} maxLength={200} />
          </div>
          <CheckboxField
            form={form}
            name="bilingual"
            label={t.bilingual(t.languages[view.hostLanguage])}
            hint={t.bilingualHint}
          />
        </fieldset>
        <fieldset>
          <legend>{t.coverage}</legend>
          <p class="hint">{t.coverageHint}</p>
          <div class="cl-row">
            {COVERAGE_ITEMS.map((item) => (
              <SelectField
                form={form}
                name={`coverage.${item}`}
                label={t.items[item]}
                options={payers}
                placeholder={t.payers.none}
              />
            ))}
          </div>
          <TextArea
            form={form}
            name="stayAddress"
            label={t.stayAddress}
            hint={t.stayAddressHint}
            rows={2}
            maxLength={500}
          />
        </fieldset>
        <button type="submit" class="btn">
          {t.save}
        </button>
      </form>
    </>
  );
}
