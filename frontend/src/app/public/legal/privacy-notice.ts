/**
 * The privacy notice's version: the date its text last changed. Keep it equal to
 * PRIVACY_NOTICE_VERSION in backend/src/modules/privacy/privacy-notice.ts, which each account
 * stores with the consent given at registration.
 */
export const PRIVACY_NOTICE_VERSION = '2026-12-07';
