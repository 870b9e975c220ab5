import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** Told which user's documents changed, inside the change's transaction when there is one. */
export type DocumentChangeListener = (userId: string, manager?: EntityManager) => Promise<void>;

/**
 * How the documents module tells others that someone's documents changed (approved, rejected,
 * edited, deleted, or removed by the upload cleanup). Compliance reads documents through this
 * module's service, so it cannot also be a dependency of it: it registers here instead. A change
 * with nobody listening is a wiring mistake that would silently leave search badges stale, so it
 * fails loudly rather than being skipped.
 */
@Injectable()
export class DocumentChangeNotifier {
  private readonly listeners: DocumentChangeListener[] = [];

  listen(listener: DocumentChangeListener): void {
    this.listeners.push(listener);
  }

  async changed(userId: string, manager?: EntityManager): Promise<void> {
    if (this.listeners.length === 0)
      throw new Error('Nothing listens for document changes: is ComplianceModule loaded?');
    for (const listener of this.listeners) await listener(userId, manager);
  }
}
