import { Get, Param, Post } from '@nestjs/common';
import { DomainError, isUuid, LOCALES, notFound } from '#core';
import {
  AddStaffByEmailDto,
  EventsService,
  eventTextsIn,
  type EventView,
  STAFF_ROLES,
} from '#events';
import {
  emptyForm,
  ErrorSummary,
  Form,
  type FormState,
  SelectField,
  TextField,
} from '../../components/form.js';
import { EmailField } from '../../components/email-field.js';
import { formStateFromError, parseForm } from '../../http/forms.js';
import type { WebContext } from '../../http/web-context.js';
import { WebController } from '../../http/web-controller.decorator.js';
import { FormBody, Web } from '../../http/web-request.decorator.js';
import { HtmlResponse, type PageResult, redirect } from '../../http/web-results.js';
import { ConsoleAccess, consoleEventPath, renderConsolePage } from '../console/console-frame.js';

type StaffRow = Awaited<ReturnType<EventsService['listStaff']>>[number];
type RoleKey = keyof WebContext['t']['consoleEvents']['roles'];

function StaffPage(props: {
  ctx: WebContext;
  event: EventView;
  staff: StaffRow[];
  form: FormState;
  problem?: string;
}) {
  const { ctx, event } = props;
  const t = ctx.t.consoleEvents.staff;
  const roles = ctx.t.consoleEvents.roles;
  const roleName = (r: string) => roles[r as RoleKey] ?? r;
  const langs = ctx.t.consoleEvents.languages;
  const path = consoleEventPath(event.id, 'staff');
  return (
    <>
      <p class="lead">{t.lead}</p>
      {props.problem && (
        <p class="warning" role="alert">
          {props.problem}
        </p>
      )}
      {props.staff.length === 0 ? (
        <p>{t.empty}</p>
      ) : (
        <div class="table-wrap">
          <table class="ce-table">
            <caption class="visually-hidden">{t.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.name}</th>
                <th scope="col">{t.email}</th>
                <th scope="col">{t.role}</th>
                <th scope="col">{t.state}</th>
                <th scope="col">
                  <span class="visually-hidden">{t.remove}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {props.staff.map((s) => (
                <tr>
                  <td dir="auto">{s.name}</td>
                  <td class="ce-email">{s.email}</td>
                  <td>{roleName(s.role)}</td>
                  <td>{s.invited ? <span class="muted">{t.invited}</span> : t.active}</td>
                  <td class="ce-row-action">
                    <Form ctx={ctx} action={`${path}/remove`} class="inline-form">
                      <input type="hidden" name="accountId" value={s.accountId} />
                      <input type="hidden" name="role" value={s.role} />
                      <button
                        type="submit"
                        class="btn small secondary"
                        aria-label={t.removeLabel(s.name, roleName(s.role))}
                        data-confirm={t.removeConfirm(s.name)}
                      >
                        {t.remove}
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <section class="card ce-add" aria-labelledby="ce-add-title">
        <h2 id="ce-add-title">{t.addTitle}</h2>
        <p>{t.addLead}</p>
        <ErrorSummary
          ctx={ctx}
          form={props.form}
          labels={{ email: t.addEmail, name: t.addName, role: t.addRole, locale: t.addLocale }}
        />
        <Form ctx={ctx} action={path}>
          <div class="ce-row">
            <EmailField form={props.form} label={t.addEmail} autocomplete="off" />
            <TextField
              form={props.form}
              name="name"
              label={t.addName}
              hint={t.addNameHint}
              maxLength={200}
            />
          </div>
          <div class="ce-row">
            <SelectField
              form={props.form}
              name="role"
              label={t.addRole}
              required
              options={STAFF_ROLES.map((r) => ({ value: r, label: roleName(r) }))}
            />
            <SelectField
              form={props.form}
              name="locale"
              label={t.addLocale}
              required
              options={LOCALES.map((l) => ({ value: l, label: langs[l] }))}
            />
          </div>
          <button class="btn" type="submit">
            {t.add}
          </button>
        </Form>
      </section>
    </>
  );
}

/**
 * An event's staff: who organises, facilitates and hosts; add someone by email (the
 * events service creates an account and emails an invitation when there is none) and
 * remove someone (the service keeps at least one organiser).
 */
@WebController()
export class ConsoleStaffController {
  constructor(
    private readonly events: EventsService,
    private readonly consoleAccess: ConsoleAccess,
  ) {}

  private async page(
    ctx: WebContext,
    event: EventView,
    form: FormState,
    options: { status?: number; problem?: string } = {},
  ): Promise<PageResult> {
    const staff = await this.events.listStaff(ctx.actor!, event.id);
    const html = renderConsolePage(ctx, {
      event: { ...event, name: eventTextsIn(event, ctx.locale).name },
      section: 'staff',
      title: ctx.t.consoleEvents.staff.title,
      children: (
        <StaffPage ctx={ctx} event={event} staff={staff} form={form} problem={options.problem} />
      ),
    });
    const status = options.status ?? 200;
    return status === 200 ? html : new HtmlResponse(html, status);
  }

  private blankForm(ctx: WebContext): FormState {
    return emptyForm({ role: 'facilitator', locale: ctx.locale });
  }

  @Get('console/events/:eventId/staff')
  async show(@Web() ctx: WebContext, @Param('eventId') eventId: string): Promise<PageResult> {
    const { event } = await this.consoleAccess.event(ctx, eventId);
    return this.page(ctx, event, this.blankForm(ctx));
  }

  @Post('console/events/:eventId/staff')
  async add(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @FormBody() body: Record<string, unknown>,
  ): Promise<PageResult> {
    const { actor, event } = await this.consoleAccess.event(ctx, eventId);
    const parsed = await parseForm(ctx, AddStaffByEmailDto, body);
    if (!parsed.ok) return this.page(ctx, event, parsed.state, { status: 400 });
    try {
      const { invited } = await this.events.addStaffByEmail(actor, event.id, parsed.value);
      return redirect(
        consoleEventPath(event.id, 'staff'),
        invited ? 'consoleEvents.flash.staffInvited' : 'consoleEvents.flash.staffAdded',
      );
    } catch (e) {
      const form = formStateFromError(ctx, e, body, 'email');
      if (form.errors.email) form.errors.email = ctx.t.consoleEvents.staff.erased;
      return this.page(ctx, event, form, { status: 400 });
    }
  }

  @Post('console/events/:eventId/staff/remove')
  async remove(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @FormBody() body: Record<string, unknown>,
  ): Promise<PageResult> {
    const { actor, event } = await this.consoleAccess.event(ctx, eventId);
    const accountId = typeof body.accountId === 'string' ? body.accountId : '';
    const role = typeof body.role === 'string' ? body.role : '';
    if (!isUuid(accountId) || !(STAFF_ROLES as readonly string[]).includes(role)) {
      throw notFound('Staff member');
    }
    try {
      await this.events.removeStaff(actor, event.id, accountId, role);
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      if (e.code === 'not_found') {
        return redirect(consoleEventPath(event.id, 'staff'), 'consoleEvents.staff.alreadyRemoved');
      }
      if (e.code === 'conflict') {
        return this.page(ctx, event, this.blankForm(ctx), {
          status: 409,
          problem: ctx.t.consoleEvents.staff.lastOrganiser,
        });
      }
      throw e;
    }
    return redirect(consoleEventPath(event.id, 'staff'), 'consoleEvents.flash.staffRemoved');
  }
}
