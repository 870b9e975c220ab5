import { Injectable } from '@nestjs/common';
import { PersonalDataHandler } from './personal-data';

/**
 * The one list of modules holding personal data. Each registers its handler when it starts, so
 * the privacy module need not know them (a new module's data cannot be forgotten by an import
 * list); the export and the erasure both walk this list.
 */
@Injectable()
export class PersonalDataRegistry {
  private readonly handlers = new Map<string, PersonalDataHandler>();

  register(handler: PersonalDataHandler): void {
    if (this.handlers.has(handler.section)) throw new Error(`Personal data section ${handler.section} is taken`);
    this.handlers.set(handler.section, handler);
  }

  /** Every handler, in erasure order. */
  all(): PersonalDataHandler[] {
    return [...this.handlers.values()].sort(
      (a, b) => (a.order ?? 0) - (b.order ?? 0) || a.section.localeCompare(b.section),
    );
  }
}
