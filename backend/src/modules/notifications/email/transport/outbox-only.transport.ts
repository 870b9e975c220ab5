import { Logger } from '@nestjs/common';
import { MailTransport, OutgoingEmail } from './mail-transport';

/**
 * The default without mail configuration: nothing leaves the machine. The dispatcher still marks
 * the row sent, and the email stays readable in the outbox table (and the admin UI).
 */
export class OutboxOnlyTransport extends MailTransport {
  readonly name = 'outbox';
  private readonly logger = new Logger(OutboxOnlyTransport.name);

  async send(email: OutgoingEmail): Promise<void> {
    this.logger.debug(
      { outboxId: email.id },
      `Email "${email.subject}" to ${email.to} kept in the outbox (MAIL_TRANSPORT=outbox)`,
    );
  }
}
