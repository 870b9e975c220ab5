import { Provider } from '@nestjs/common';
import { AppConfig } from '@app/config/app-config';
import { GraphMailTransport } from './graph.transport';
import { MailTransport } from './mail-transport';
import { OutboxOnlyTransport } from './outbox-only.transport';

/** The transport MAIL_TRANSPORT names: Microsoft Graph, or the outbox-only default. */
export const mailTransportProvider: Provider = {
  provide: MailTransport,
  inject: [AppConfig],
  useFactory: (config: AppConfig): MailTransport =>
    config.mail.transport === 'graph' ? new GraphMailTransport(config.mail) : new OutboxOnlyTransport(),
};
