import { DataSource } from 'typeorm';
import { EmailOutbox } from '@app/modules/notifications/entities/email-outbox.entity';

/** Reads the email outbox the way a user reads their inbox. */
export class Outbox {
  constructor(private readonly dataSource: DataSource) {}

  /** Emails queued for an address, oldest first. */
  to(address: string): Promise<EmailOutbox[]> {
    return this.dataSource.getRepository(EmailOutbox).find({
      where: { toAddress: address.toLowerCase() },
      order: { createdAt: 'ASC' },
    });
  }

  async latest(address: string, template?: string): Promise<EmailOutbox> {
    const emails = (await this.to(address)).filter((e) => !template || e.template === template);
    const email = emails[emails.length - 1];
    if (!email) throw new Error(`No ${template ?? ''} email to ${address}`);
    return email;
  }

  /** The `token` query parameter of the first link to `path` in the email's text. */
  static tokenFrom(email: EmailOutbox, path: string): string {
    const match = email.text.match(new RegExp(`https?://[^\\s]+${path.replace('/', '\\/')}\\?token=([^\\s&]+)`));
    if (!match) throw new Error(`No ${path} link in "${email.subject}"`);
    return decodeURIComponent(match[1]!);
  }
}
