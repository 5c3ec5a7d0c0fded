import { DomainError } from '#core';
import { checkAnswer, checkJournalText, eventDays, hostSees } from './journal-rules.js';

const fieldOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return (e.details as { field: string }).field;
    throw e;
  }
  return null;
};

describe('journal rules', () => {
  it('lists every day of an immersion, across a month end, first and last included', () => {
    expect(eventDays('2027-02-26', '2027-03-02')).toEqual([
      '2027-02-26',
      '2027-02-27',
      '2027-02-28',
      '2027-03-01',
      '2027-03-02',
    ]);
    expect(eventDays('2027-03-08', '2027-03-08')).toEqual(['2027-03-08']);
    expect(eventDays('2027-03-09', '2027-03-08')).toEqual([]);
  });

  it('trims the three texts, keeps line breaks, and wants at least one written', () => {
    expect(
      checkJournalText({
        observations: '  Vu\r\nen atelier  ',
        questions: undefined,
        practice: '',
      }),
    ).toEqual({ observations: 'Vu\nen atelier', questions: '', practice: '' });
    expect(fieldOf(() => checkJournalText({ observations: ' ', practice: '\n' }))).toBe(
      'observations',
    );
    expect(fieldOf(() => checkJournalText({ questions: 'x'.repeat(2001) }))).toBe('questions');
    expect(fieldOf(() => checkJournalText({ practice: 3 }))).toBe('practice');
    expect(fieldOf(() => checkJournalText({ observations: 'a\u0000b' }))).toBe('observations');
    expect(checkJournalText({ practice: 'x'.repeat(2000) }).practice).toHaveLength(2000);
  });

  it('bounds the host’s answer and says who sees a shared entry', () => {
    expect(checkAnswer('  Merci !  ')).toBe('Merci !');
    expect(fieldOf(() => checkAnswer(''))).toBe('body');
    expect(fieldOf(() => checkAnswer(['a']))).toBe('body');
    expect(fieldOf(() => checkAnswer('y'.repeat(2001)))).toBe('body');
    expect([hostSees('private'), hostSees('host'), hostSees('network')]).toEqual([
      false,
      true,
      true,
    ]);
  });
});
