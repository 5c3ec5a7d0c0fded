import type { ExecutionContext } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';

/**
 * A yes-or-no route setting (@Public(), @SecretUrl()), the handler's over its controller's,
 * read once per route instead of on every request: the global guards asked reflect-metadata
 * four times a request, walking each target's prototype chain (0.6 % of the CPU of an
 * organiser's list page). Decorators are applied when the classes load, so the answer
 * never changes while the app runs.
 */
export class RouteFlag {
  private readonly known = new WeakMap<object, WeakMap<object, boolean>>();

  constructor(
    private readonly reflector: Reflector,
    private readonly key: string,
  ) {}

  of(context: ExecutionContext): boolean {
    const controller = context.getClass();
    const handler = context.getHandler();
    let ofController = this.known.get(controller);
    if (!ofController) this.known.set(controller, (ofController = new WeakMap()));
    let flag = ofController.get(handler);
    if (flag === undefined) {
      flag = this.reflector.getAllAndOverride<boolean>(this.key, [handler, controller]) === true;
      ofController.set(handler, flag);
    }
    return flag;
  }
}
