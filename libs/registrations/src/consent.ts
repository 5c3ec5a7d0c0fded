/**
 * Versions of the data-processing consent text a registrant agrees to. The words of each
 * version live in the catalogues (registration.consent), in every language; a registration
 * stores the version it was given under, so a later change of wording does not rewrite
 * what someone agreed to. Add a version here when the text changes; never edit one.
 */
export const CONSENT_VERSIONS = ['2026-12-01'] as const;
export type ConsentVersion = (typeof CONSENT_VERSIONS)[number];
export const CURRENT_CONSENT_VERSION: ConsentVersion = '2026-12-01';
