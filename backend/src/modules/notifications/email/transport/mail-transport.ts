/** An outbox row as a transport sees it: what to send and to whom. */
export interface OutgoingEmail {
  /** The outbox row's id, so that a delivery can be traced back to it. */
  id: string;
  to: string;
  toName: string | null;
  subject: string;
  html: string;
  text: string;
}

/**
 * Delivers one email or throws. The dispatcher owns retries and the outbox row's status, so a
 * transport neither retries nor writes to the database. Chosen by `MAIL_TRANSPORT`.
 */
export abstract class MailTransport {
  abstract readonly name: string;
  abstract send(email: OutgoingEmail): Promise<void>;
}
