import { classifySendError } from './smtp-errors.js';

describe('classifySendError', () => {
  it.each([
    [{ code: 'EENVELOPE', responseCode: 550 }, 'permanent'],
    [{ code: 'EMESSAGE', responseCode: 554 }, 'permanent'],
    [{ code: 'EENVELOPE' }, 'permanent'],
    [{ code: 'EENVELOPE', responseCode: 452 }, 'transient'],
    [{ code: 'EMESSAGE', responseCode: 421 }, 'transient'],
    [{ code: 'ECONNECTION' }, 'transient'],
    [{ code: 'ECONNREFUSED' }, 'transient'],
    [{ code: 'ETIMEDOUT' }, 'transient'],
    [new Error('something odd'), 'transient'],
  ])('%o is %s', (error, kind) => {
    expect(classifySendError(error)).toBe(kind);
  });
});
