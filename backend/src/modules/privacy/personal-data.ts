import { EntityManager } from 'typeorm';

/**
 * The person being erased, as every module sees them. `identifiers` (their email address, full
 * name, phone number) are removed wherever they appear in free text; `related` terms (their
 * children's first names) are removed only from text that also mentions one of the identifiers,
 * so another family's "Oliver" is left alone.
 */
export interface ErasureSubject {
  userId: string;
  identifiers: string[];
  related: string[];
}

/** Work to do once the erasure has committed (deleting files, say). */
export type AfterErasure = () => Promise<void>;

/**
 * One module's part in UK GDPR articles 15, 17 and 20: what it holds about a user (for "export
 * my data") and how it removes or anonymises it (for erasure). Each module that stores personal
 * data registers one in `onModuleInit`; the privacy module runs them all.
 */
export interface PersonalDataHandler {
  /** The export archive's section for this module: `bookings`, `children`... */
  section: string;
  /** Handlers erase in ascending order (default 0); the account row itself goes last. */
  order?: number;
  /** Strings that identify the user in other people's text, gathered before anything is erased. */
  identify?: (userId: string) => Promise<Partial<Pick<ErasureSubject, 'identifiers' | 'related'>>>;
  /**
   * Work outside the database that must succeed before anything is erased (cancelling a paid
   * subscription at the payment provider). It runs before the erasure's transaction; if it
   * throws, nothing is erased and the caller gets its error.
   */
  beforeErasure?: (userId: string) => Promise<void>;
  /** Everything this module holds about the user, as plain JSON. */
  export: (userId: string) => Promise<unknown>;
  /** Removes or anonymises it inside the erasure's transaction. */
  erase: (subject: ErasureSubject, manager: EntityManager) => Promise<AfterErasure | void>;
}
