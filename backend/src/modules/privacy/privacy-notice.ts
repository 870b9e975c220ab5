/**
 * The version of the privacy notice the web app shows at `/privacy` and at registration. Change
 * it (the date the text changed) together with the notice in
 * frontend/src/app/public/legal/privacy.ts; each account stores the version its owner agreed to.
 */
export const PRIVACY_NOTICE_VERSION = '2026-12-07';
