import type { MailConfig } from '@app/config/app-config';

/** The mail settings when MAIL_TRANSPORT=graph. */
export type GraphMailConfig = Extract<MailConfig, { transport: 'graph' }>;
