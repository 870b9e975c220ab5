import Database from 'better-sqlite3';
import { join } from 'node:path';

export interface OutboxEmail {
  toAddress: string;
  template: string;
  subject: string;
  text: string;
  html: string;
  createdAt: string;
}

/**
 * Reads the running app's email outbox (the embedded SQLite file, opened read-only) the way a
 * user reads their inbox.
 */
export class OutboxReader {
  constructor(private readonly dataDir: string) {}

  /** The newest email to an address (optionally of one template), or undefined. */
  latest(address: string, template?: string): OutboxEmail | undefined {
    const db = new Database(join(this.dataDir, 'childminder-connect.sqlite'), { readonly: true, fileMustExist: true });
    try {
      db.pragma('busy_timeout = 5000');
      const row = db
        .prepare(
          `SELECT toAddress, template, subject, text, html, createdAt FROM email_outbox
           WHERE lower(toAddress) = lower(?) AND (? IS NULL OR template = ?)
           ORDER BY createdAt DESC, rowid DESC LIMIT 1`,
        )
        .get(address, template ?? null, template ?? null) as OutboxEmail | undefined;
      return row;
    } finally {
      db.close();
    }
  }

  /**
   * Waits for an email to arrive. With `notBefore`, an email seen earlier (for example the
   * first of two reset emails) does not count.
   */
  async waitFor(
    address: string,
    options: { template?: string; timeoutMs?: number; notBefore?: OutboxEmail } = {},
  ): Promise<OutboxEmail> {
    const deadline = Date.now() + (options.timeoutMs ?? 10_000);
    for (;;) {
      const email = this.latest(address, options.template);
      if (email && (!options.notBefore || email.text !== options.notBefore.text)) return email;
      if (Date.now() > deadline) {
        throw new Error(`No ${options.template ?? ''} email to ${address} arrived in the outbox`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** The first link in an email's text whose path is `path` (such as `/verify-email`). */
export function linkFrom(email: OutboxEmail, path: string): string {
  for (const candidate of email.text.match(/https?:\/\/\S+/g) ?? []) {
    const url = new URL(candidate.replace(/[).,>]+$/, ''));
    if (url.pathname === path) return url.toString();
  }
  throw new Error(`No ${path} link in the email "${email.subject}":\n${email.text}`);
}
