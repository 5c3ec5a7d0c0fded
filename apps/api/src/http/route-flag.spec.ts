import { jest } from '@jest/globals';
import { type ExecutionContext, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host.js';
import { RouteFlag } from './route-flag.js';

const FLAG = 'test:flag';
const Flagged = () => SetMetadata(FLAG, true);

class Plain {
  open() {}
  @Flagged()
  marked() {}
}

@Flagged()
class WhollyMarked {
  open() {}
}

/** Inherits `open` (the same function) from Plain, under a controller marked as a whole. */
@Flagged()
class MarkedChild extends Plain {}

const contextOf = (controller: new () => object, handler: () => void): ExecutionContext =>
  new ExecutionContextHost([], controller, handler);

describe('RouteFlag', () => {
  it("reads the handler's setting over its controller's", () => {
    const flag = new RouteFlag(new Reflector(), FLAG);
    expect(flag.of(contextOf(Plain, Plain.prototype.open))).toBe(false);
    expect(flag.of(contextOf(Plain, Plain.prototype.marked))).toBe(true);
    expect(flag.of(contextOf(WhollyMarked, WhollyMarked.prototype.open))).toBe(true);
  });

  it('keeps apart one method under two controllers', () => {
    const flag = new RouteFlag(new Reflector(), FLAG);
    expect(flag.of(contextOf(MarkedChild, Plain.prototype.open))).toBe(true);
    expect(flag.of(contextOf(Plain, Plain.prototype.open))).toBe(false);
    expect(flag.of(contextOf(MarkedChild, Plain.prototype.open))).toBe(true);
  });

  it('asks the metadata once per route, not once per request', () => {
    const reflector = new Reflector();
    const lookups = jest.spyOn(reflector, 'getAllAndOverride');
    const flag = new RouteFlag(reflector, FLAG);
    for (let i = 0; i < 5; i++) {
      flag.of(contextOf(Plain, Plain.prototype.open));
      flag.of(contextOf(Plain, Plain.prototype.marked));
    }
    expect(lookups).toHaveBeenCalledTimes(2);
  });
});
