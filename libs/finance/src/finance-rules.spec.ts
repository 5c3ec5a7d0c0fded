import { effectiveCoverage } from './coverage.js';
import type { EventCostCoverage, RegistrationCostCoverage } from './coverage.entity.js';
import {
  convertMinor,
  formatMinor,
  isCurrencyCode,
  minorDigits,
  parseAmount,
  parseRate,
  rateText,
} from './money.js';

describe('money', () => {
  it('knows ISO 4217 codes and their minor units', () => {
    expect(isCurrencyCode('EUR')).toBe(true);
    expect(isCurrencyCode('MAD')).toBe(true);
    expect(isCurrencyCode('eur')).toBe(false);
    expect(isCurrencyCode('XYZ')).toBe(false);
    expect([minorDigits('EUR'), minorDigits('XOF'), minorDigits('TND')]).toEqual([2, 0, 3]);
  });

  it('parses typed amounts into minor units, refusing extra digits', () => {
    expect(parseAmount('1234,5', 'EUR')).toBe(123450);
    expect(parseAmount(' 1 234.56 ', 'EUR')).toBe(123456);
    expect(parseAmount('0.1', 'EUR')).toBe(10);
    expect(parseAmount('150000', 'XOF')).toBe(150000);
    expect(parseAmount('1.5', 'XOF')).toBeNull();
    expect(parseAmount('1.234', 'EUR')).toBeNull();
    expect(parseAmount('-3', 'EUR')).toBeNull();
    expect(parseAmount('1e3', 'EUR')).toBeNull();
    expect(formatMinor(123450, 'EUR')).toBe('1234.50');
    expect(formatMinor(150000, 'XOF')).toBe('150000');
    expect(formatMinor(1005, 'TND')).toBe('1.005');
  });

  it('converts with integer arithmetic, rounding half away from zero', () => {
    const rate = parseRate('0.0925')!; // MAD -> EUR
    expect(rateText(rate)).toBe('0.0925');
    expect(convertMinor(100000, 'MAD', 'EUR', rate)).toBe(9250); // 1000 MAD = 92.50 EUR
    const xof = parseRate('0.00152449')!; // XOF -> EUR
    expect(convertMinor(655957, 'XOF', 'EUR', xof)).toBe(100000); // 655957 XOF ~ 1000 EUR
    // 0.1 + 0.2 style drift never appears: a thousand additions of 0.10 are 100.00
    let sum = 0;
    for (let i = 0; i < 1000; i++) sum += convertMinor(10, 'EUR', 'EUR', 1n);
    expect(sum).toBe(10000);
    expect(parseRate('0')).toBeNull();
    expect(parseRate('abc')).toBeNull();
  });
});

describe('effective coverage', () => {
  const event = {
    eventId: 'e',
    currency: 'EUR',
    travelPayer: 'network',
    visaFeesPayer: 'network',
    accommodationPayer: 'network',
    mealsPayer: 'network',
    perDiemPayer: 'network',
    perDiemDailyMinor: 3000,
    perDiemCurrency: 'EUR',
  } as EventCostCoverage;

  it('follows the event unless a participant has an exception', () => {
    const plain = effectiveCoverage('e', 'r', event, null);
    expect(plain.travel).toEqual({ payer: 'network', overridden: false });
    expect(plain.perDiem).toMatchObject({ dailyMinor: 3000, currency: 'EUR', overridden: false });
    const own = effectiveCoverage('e', 'r', event, {
      travelPayer: 'partner',
      perDiemDailyMinor: null,
      perDiemDays: 4,
    } as RegistrationCostCoverage);
    expect(own.travel).toEqual({ payer: 'partner', overridden: true });
    expect(own.visaFees).toEqual({ payer: 'network', overridden: false });
    expect(own.perDiem).toMatchObject({ dailyMinor: 3000, days: 4, overridden: true });
  });

  it('promises nothing before the event is set', () => {
    const none = effectiveCoverage('e', 'r', null, null);
    expect(none.configured).toBe(false);
    expect(none.travel.payer).toBeNull();
  });
});
