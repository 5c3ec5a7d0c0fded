import { pageAssets, STYLESHEETS } from './bundle.js';
import { holdsStylesheet, withStylesheet } from './held-stylesheets.js';

const { participant, console: whole } = STYLESHEETS;

describe('the stylesheet cookie', () => {
  it('says nothing is held without a cookie, and holds what it lists', () => {
    expect(holdsStylesheet(undefined, participant)).toBe(false);
    expect(holdsStylesheet(participant.version, participant)).toBe(true);
    expect(holdsStylesheet(participant.version, whole)).toBe(false);
    expect(holdsStylesheet(`${participant.version}.${whole.version}`, whole)).toBe(true);
  });

  it('adds a fetched stylesheet once, keeps the other, and drops versions no longer served', () => {
    const both = withStylesheet(participant.version, whole);
    expect(both.split('.').sort()).toEqual([participant.version, whole.version].sort());
    expect(withStylesheet(both, whole).split('.')).toHaveLength(2);
    expect(withStylesheet('000000000000.<script>', participant)).toBe(participant.version);
  });
});

describe('which pages get which assets', () => {
  it('gives the console its whole stylesheet and script, and every other page the participants’', () => {
    for (const path of ['/console', '/console/events/x', '/console?lang=es']) {
      expect(pageAssets(path).stylesheet).toBe(whole);
    }
    for (const path of ['/', '/e/tangier-2027', '/consoles', '/my/registrations', '/host']) {
      expect(pageAssets(path).stylesheet).toBe(participant);
    }
    expect(participant.body.length).toBeLessThan(whole.body.length / 2);
  });
});
