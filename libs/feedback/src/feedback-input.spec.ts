import { DomainError } from '#core';
import { cleanAnswers } from './answer-input.js';
import { cleanLocalized, cleanQuestions } from './feedback-input.js';

/** The field a 400 names, or 'ok' when the input passes. */
const field = (run: () => unknown): string => {
  try {
    run();
    return 'ok';
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    expect(e.code).toBe('bad_request');
    return String(e.details?.field);
  }
};

describe('feedback questions as organisers write them', () => {
  it('keeps texts per language, trimmed and NFC, and names the field at fault', () => {
    expect(cleanLocalized({ fr: '  Utile ?  ', es: '' }, 'titles', 200)).toEqual({ fr: 'Utile ?' });
    expect(cleanLocalized({ en: 'Cafe\u0301' }, 'titles', 200).en).toBe('Café');
    expect(field(() => cleanLocalized({}, 'titles', 200))).toBe('titles');
    expect(field(() => cleanLocalized('Utile', 'titles', 200))).toBe('titles');
    expect(field(() => cleanLocalized({ ar: 'x' }, 'titles', 200))).toBe('titles.ar');
    expect(field(() => cleanLocalized({ fr: 3 }, 'titles', 200))).toBe('titles.fr');
    // Characters, not UTF-16 units: 200 Khmer or emoji characters fit in 200.
    expect(field(() => cleanLocalized({ en: '😀'.repeat(200) }, 'titles', 200))).toBe('ok');
    expect(field(() => cleanLocalized({ en: 'x'.repeat(201) }, 'titles', 200))).toBe('titles.en');
  });

  it('checks kinds and options question by question', () => {
    const rating = { kind: 'rating', texts: { en: 'Useful?' } };
    expect(cleanQuestions([rating])).toEqual([
      { kind: 'rating', texts: { en: 'Useful?' }, options: [], required: true },
    ]);
    expect(field(() => cleanQuestions({}))).toBe('questions');
    expect(field(() => cleanQuestions(Array(21).fill(rating)))).toBe('questions');
    expect(field(() => cleanQuestions([rating, { kind: 'scale', texts: { en: 'x' } }]))).toBe(
      'questions[1].kind',
    );
    expect(
      field(() => cleanQuestions([{ kind: 'choice', texts: { en: 'x' }, options: [{ en: 'a' }] }])),
    ).toBe('questions[0].options');
    expect(
      field(() =>
        cleanQuestions([{ kind: 'choice', texts: { en: 'x' }, options: [{ en: 'a' }, {}] }]),
      ),
    ).toBe('questions[0].options[1]');
    expect(field(() => cleanQuestions([{ ...rating, options: [{ en: 'a' }, { en: 'b' }] }]))).toBe(
      'questions[0].options',
    );
    expect(field(() => cleanQuestions([{ ...rating, required: 'yes' }]))).toBe(
      'questions[0].required',
    );
  });
});

describe('answers checked against the form', () => {
  const questions = [
    { id: 'r', kind: 'rating' as const, required: true, optionCount: 0 },
    { id: 'c', kind: 'choice' as const, required: true, optionCount: 3 },
    { id: 't', kind: 'text' as const, required: false, optionCount: 0 },
  ];
  const answer = (...answers: unknown[]) => cleanAnswers({ answers }, questions);

  it('keeps one value per question, in the form’s order, and drops empty texts', () => {
    expect(
      answer(
        { questionId: 'c', choice: 2 },
        { questionId: 'r', rating: 5 },
        { questionId: 't', text: '  ' },
      ),
    ).toEqual([
      { questionId: 'r', rating: 5, choice: null, text: null },
      { questionId: 'c', rating: null, choice: 2, text: null },
    ]);
  });

  it('names the answer and the question at fault', () => {
    const ok = [
      { questionId: 'r', rating: 3 },
      { questionId: 'c', choice: 0 },
    ];
    expect(field(() => answer(...ok))).toBe('ok');
    expect(field(() => answer({ questionId: 'r', rating: 0 }, ok[1]))).toBe('answers[0].rating');
    expect(field(() => answer({ questionId: 'r', rating: '5' }, ok[1]))).toBe('answers[0].rating');
    expect(field(() => answer(ok[0], { questionId: 'c', choice: 3 }))).toBe('answers[1].choice');
    expect(field(() => answer(ok[0], { questionId: 'c', rating: 3 }))).toBe('answers[1].rating');
    expect(field(() => answer(...ok, { questionId: 'r', rating: 4 }))).toBe(
      'answers[2].questionId',
    );
    expect(field(() => answer(...ok, { questionId: 'x', rating: 4 }))).toBe(
      'answers[2].questionId',
    );
    expect(field(() => answer(...ok, { questionId: 't', text: 'x'.repeat(2001) }))).toBe(
      'answers[2].text',
    );
    expect(field(() => answer(ok[0]))).toBe('answers');
    expect(field(() => cleanAnswers({ answers: 'all good' }, questions))).toBe('answers');
    expect(field(() => cleanAnswers([], questions))).toBe('answers');
  });
});
