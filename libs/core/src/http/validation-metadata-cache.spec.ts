import 'reflect-metadata';
import { jest } from '@jest/globals';
import {
  IsInt,
  IsOptional,
  IsString,
  MaxLength,
  getMetadataStorage,
  validate,
} from 'class-validator';
import { cacheValidationMetadata } from './validation-metadata-cache.js';

class Paging {
  @IsOptional()
  @IsInt()
  page?: unknown;
}

class Search extends Paging {
  @IsOptional()
  @IsString()
  @MaxLength(5)
  q?: unknown;
}

class Later {
  @IsOptional()
  @IsString()
  label?: unknown;

  count?: unknown;
}

const storage = getMetadataStorage();
const rulesOf = (target: object) =>
  storage
    .getTargetValidationMetadatas(target as new () => object, '', false, false)
    .map((m) => `${m.propertyName}:${m.name ?? m.type}`)
    .sort();
// What class-validator answers on its own, before the cache is installed.
const uncached = { paging: rulesOf(Paging), search: rulesOf(Search) };
cacheValidationMetadata();

const of = <T extends object>(type: new () => T, values: Record<string, unknown>) =>
  Object.assign(new type(), values);
const faults = async (o: object) =>
  (await validate(o)).map((e) => `${e.property}:${Object.keys(e.constraints ?? {}).join()}`);

describe('cacheValidationMetadata', () => {
  it("answers every class, and its parents' rules, as class-validator does", () => {
    expect(uncached.search).toEqual(expect.arrayContaining(['page:isInt', 'q:maxLength']));
    expect(rulesOf(Paging)).toEqual(uncached.paging);
    expect(rulesOf(Search)).toEqual(uncached.search);
  });

  it('validates with inherited rules as before', async () => {
    expect(await faults(of(Search, { page: 'x', q: 'too long' }))).toEqual([
      'q:maxLength',
      'page:isInt',
    ]);
    expect(await faults(of(Search, { page: 2, q: 'ok' }))).toEqual([]);
  });

  it('scans the decorated classes once per class, not at every validation', async () => {
    const registered = (storage as unknown as { validationMetadatas: Map<unknown, unknown> })
      .validationMetadatas;
    const scans = jest.spyOn(registered, 'entries');
    try {
      for (let i = 0; i < 5; i++) await validate(of(Search, { page: i }));
      expect(scans.mock.calls.length).toBeLessThanOrEqual(1);
    } finally {
      scans.mockRestore();
    }
  });

  it('sees a rule registered after the class was first validated', async () => {
    expect(await faults(of(Later, { count: 'x' }))).toEqual([]);
    IsInt()(Later.prototype, 'count');
    expect(await faults(of(Later, { count: 'x' }))).toEqual(['count:isInt']);
  });

  it('hands out lists no caller can change under the others', () => {
    const rules = storage.getTargetValidationMetadatas(Search, '', false, false);
    expect(Object.isFrozen(rules)).toBe(true);
    expect(() => (rules as unknown[]).push({})).toThrow(TypeError);
  });
});
