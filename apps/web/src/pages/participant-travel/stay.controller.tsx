import { Get, Param, Post } from '@nestjs/common';
import { PutStayPreferencesDto, Stays, type StayView } from '#accommodation';
import { type Actor, DomainError, notFound, UuidParamPipe } from '#core';
import { LIVE_STATUSES, RegistrationsService } from '#registrations';
import {
  CheckboxField,
  ErrorSummary,
  Form,
  type FormState,
  SelectField,
  TextArea,
  TextField,
} from '../../components/form.js';
import { checked, formStateFromError, parseForm, textOf } from '../../http/forms.js';
import { requireActor, type WebContext } from '../../http/web-context.js';
import { WebController } from '../../http/web-controller.decorator.js';
import { FormBody, Web } from '../../http/web-request.decorator.js';
import { HtmlResponse, type PageResult, redirect } from '../../http/web-results.js';
import { renderPage } from '../../layout/layout.js';

const RegistrationId = new UuidParamPipe('Registration');
const LIVE: readonly string[] = LIVE_STATUSES;

function valuesOf(stay: StayView): Record<string, unknown> {
  const p = stay.preferences;
  return {
    roomPreference: p.roomPreference ?? '',
    shareWith: p.shareWith ?? '',
    roomNeeds: p.roomNeeds ?? '',
    shareNeedsWithHotel: p.shareNeedsWithHotel ? 'on' : '',
  };
}

/**
 * "My room wishes": single or shared, who with, the room's accessibility needs and whether
 * the hotel may read them. The person's own registrations only; the rules are the service's.
 */
@WebController('my/registrations')
export class StayPageController {
  constructor(
    private readonly registrations: RegistrationsService,
    private readonly stays: Stays,
  ) {}

  private async load(actor: Actor, id: string) {
    const registration = (await this.registrations.mine(actor)).find((r) => r.id === id);
    if (!registration) throw notFound('Registration');
    return { registration, stay: await this.stays.get(actor, id) };
  }

  private page(
    ctx: WebContext,
    id: string,
    live: boolean,
    form: FormState,
    status = 200,
  ): PageResult {
    const t = ctx.t.accommodation.wishes;
    const labels = {
      roomPreference: t.roomPreference,
      shareWith: t.shareWith,
      roomNeeds: t.roomNeeds,
      shareNeedsWithHotel: t.shareNeeds,
    };
    const html = renderPage(ctx, {
      title: t.title,
      children: (
        <div class="trv">
          <p>
            <a href={`/my/registrations/${id}/travel`}>{t.back}</a>
          </p>
          <h1>{t.title}</h1>
          {live ? (
            <>
              <p class="lead">{t.lead}</p>
              <ErrorSummary ctx={ctx} form={form} labels={labels} />
              <Form ctx={ctx} action={`/my/registrations/${id}/stay`} class="card">
                <SelectField
                  form={form}
                  name="roomPreference"
                  label={t.roomPreference}
                  placeholder={t.noPreference}
                  options={[
                    { value: 'single', label: t.single },
                    { value: 'shared', label: t.shared },
                  ]}
                />
                <TextField
                  form={form}
                  name="shareWith"
                  label={t.shareWith}
                  hint={t.shareWithHint}
                  maxLength={200}
                  autocomplete="off"
                />
                <TextArea
                  form={form}
                  name="roomNeeds"
                  label={t.roomNeeds}
                  hint={t.roomNeedsHint}
                  rows={3}
                  maxLength={500}
                />
                <CheckboxField
                  form={form}
                  name="shareNeedsWithHotel"
                  label={t.shareNeeds}
                  hint={t.shareNeedsHint}
                />
                <button class="btn" type="submit">
                  {t.save}
                </button>
              </Form>
            </>
          ) : (
            <p class="warning">{t.closed}</p>
          )}
        </div>
      ),
    });
    return status === 200 ? html : new HtmlResponse(html, status);
  }

  @Get(':id/stay')
  async show(@Web() ctx: WebContext, @Param('id', RegistrationId) id: string) {
    const { registration, stay } = await this.load(requireActor(ctx), id);
    const live = LIVE.includes(registration.status);
    return this.page(ctx, id, live, { values: valuesOf(stay), errors: {} });
  }

  @Post(':id/stay')
  async save(
    @Web() ctx: WebContext,
    @Param('id', RegistrationId) id: string,
    @FormBody() body: Record<string, unknown>,
  ): Promise<PageResult> {
    const actor = requireActor(ctx);
    const { registration } = await this.load(actor, id);
    const live = LIVE.includes(registration.status);
    const values = {
      roomPreference: textOf(body, 'roomPreference') ?? '',
      shareWith: textOf(body, 'shareWith') ?? '',
      roomNeeds: textOf(body, 'roomNeeds') ?? '',
      shareNeedsWithHotel: checked(body, 'shareNeedsWithHotel') ? 'on' : '',
    };
    const input = {
      roomPreference: values.roomPreference || null,
      shareWith: values.shareWith || null,
      roomNeeds: values.roomNeeds || null,
      shareNeedsWithHotel: values.shareNeedsWithHotel === 'on',
    };
    const parsed = await parseForm(ctx, PutStayPreferencesDto, values, input);
    if (!parsed.ok) return this.page(ctx, id, live, parsed.state, 400);
    try {
      await this.stays.putPreferences(actor, id, parsed.value);
    } catch (e) {
      if (e instanceof DomainError && e.code === 'conflict') {
        return this.page(ctx, id, false, { values, errors: {} }, 409);
      }
      return this.page(ctx, id, live, formStateFromError(ctx, e, values), 400);
    }
    return redirect(`/my/registrations/${id}/travel#stay-title`, 'accommodation.wishes.saved');
  }
}
