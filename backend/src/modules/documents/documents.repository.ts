import { countBy } from '@app/database/daily-counts';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { forUpdate } from '@app/database/locking';
import { Document, DocumentStatus, DocumentType } from './entities/document.entity';
import { ProfileImage } from './entities/profile-image.entity';

export interface DocumentFilter {
  status?: DocumentStatus;
  type?: DocumentType;
  userId?: string;
  /** Inclusive `YYYY-MM-DD` range of expiry dates. */
  expiresBetween?: { from: string; to: string };
}

/** What compliance reads of a document: whose, which type, its status and dates. */
export type DocumentSummary = Pick<Document, 'id' | 'userId' | 'type' | 'name' | 'status' | 'issuedOn' | 'expiresOn'>;

/** The documents and profile_images tables, by the questions the product asks of them. */
@Injectable()
export class DocumentsRepository {
  constructor(
    @InjectRepository(Document) private readonly documents: Repository<Document>,
    @InjectRepository(ProfileImage) private readonly images: Repository<ProfileImage>,
  ) {}

  private repo(manager?: EntityManager): Repository<Document> {
    return manager ? manager.getRepository(Document) : this.documents;
  }

  private imageRepo(manager?: EntityManager): Repository<ProfileImage> {
    return manager ? manager.getRepository(ProfileImage) : this.images;
  }

  findById(id: string, manager?: EntityManager): Promise<Document | null> {
    return this.repo(manager).findOne({ where: { id } });
  }

  /** With its owner, for admin screens and emails. */
  findByIdWithOwner(id: string, manager?: EntityManager): Promise<Document | null> {
    return this.repo(manager).findOne({ where: { id }, relations: { user: true } });
  }

  /** Row lock for a review, so two admins' decisions do not interleave. */
  findByIdForUpdate(id: string, manager: EntityManager): Promise<Document | null> {
    return manager.getRepository(Document).findOne({ where: { id }, ...forUpdate(manager) });
  }

  /** A user's documents, newest first. */
  pageForUser(userId: string, page: { skip: number; take: number }): Promise<[Document[], number]> {
    return this.documents.findAndCount({
      where: { userId },
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: page.skip,
      take: page.take,
    });
  }

  countForUser(userId: string, manager?: EntityManager): Promise<number> {
    return this.repo(manager).count({ where: { userId } });
  }

  /** The admin list: filtered, oldest first (a review queue is worked from the front). */
  pageForAdmin(filter: DocumentFilter, page: { skip: number; take: number }): Promise<[Document[], number]> {
    const query = this.documents
      .createQueryBuilder('document')
      .leftJoinAndSelect('document.user', 'user')
      .orderBy('document.createdAt', 'ASC')
      .addOrderBy('document.id', 'ASC')
      .skip(page.skip)
      .take(page.take);
    if (filter.status) query.andWhere('document.status = :status', { status: filter.status });
    if (filter.type) query.andWhere('document.type = :type', { type: filter.type });
    if (filter.userId) query.andWhere('document.userId = :userId', { userId: filter.userId });
    if (filter.expiresBetween) {
      query.andWhere('document.expiresOn BETWEEN :from AND :to', filter.expiresBetween);
    }
    return query.getManyAndCount();
  }

  async insert(document: Document, manager?: EntityManager): Promise<Document> {
    await this.repo(manager).insert(document);
    return document;
  }

  async update(id: string, changes: Partial<Document>, manager?: EntityManager): Promise<void> {
    await this.repo(manager).update(id, changes);
  }

  async delete(id: string, manager?: EntityManager): Promise<void> {
    await this.repo(manager).delete(id);
  }

  /** Which of these storage keys some document or profile image refers to. */
  async referencedKeys(keys: readonly string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const [documents, images] = await Promise.all([
      this.documents.find({ select: { storageKey: true }, where: { storageKey: In([...keys]) } }),
      this.images.find({ select: { storageKey: true }, where: { storageKey: In([...keys]) } }),
    ]);
    return new Set([...documents, ...images].map((row) => row.storageKey));
  }

  /** Documents in id order after `afterId`, for walking the whole table in batches. */
  documentsAfter(afterId: string, take: number): Promise<Pick<Document, 'id' | 'userId' | 'storageKey'>[]> {
    return this.documents
      .createQueryBuilder('document')
      .select(['document.id', 'document.userId', 'document.storageKey'])
      .where('document.id > :afterId', { afterId })
      .orderBy('document.id', 'ASC')
      .take(take)
      .getMany();
  }

  imagesAfter(afterId: string, take: number): Promise<Pick<ProfileImage, 'id' | 'userId' | 'storageKey'>[]> {
    return this.images
      .createQueryBuilder('image')
      .select(['image.id', 'image.userId', 'image.storageKey'])
      .where('image.id > :afterId', { afterId })
      .orderBy('image.id', 'ASC')
      .take(take)
      .getMany();
  }

  findImageById(id: string): Promise<ProfileImage | null> {
    return this.images.findOne({ where: { id } });
  }

  findImageForUser(userId: string, manager?: EntityManager): Promise<ProfileImage | null> {
    return this.imageRepo(manager).findOne({ where: { userId } });
  }

  async insertImage(image: ProfileImage, manager?: EntityManager): Promise<ProfileImage> {
    await this.imageRepo(manager).insert(image);
    return image;
  }

  async deleteImage(id: string, manager?: EntityManager): Promise<void> {
    await this.imageRepo(manager).delete(id);
  }

  /** Documents by status, of one user or of everyone (served by IDX_documents_status_type_created). */
  /** Approved documents of these users (all users when `userIds` is undefined), key columns only. */
  approvedOf(userIds?: readonly string[], manager?: EntityManager): Promise<DocumentSummary[]> {
    if (userIds && userIds.length === 0) return Promise.resolve([]);
    return (manager ? manager.getRepository(Document) : this.documents).find({
      select: { id: true, userId: true, type: true, name: true, status: true, issuedOn: true, expiresOn: true },
      where: { status: DocumentStatus.Approved, ...(userIds ? { userId: In([...userIds]) } : {}) },
    });
  }

  /** Every document of one user, whatever its status, key columns and upload time only. */
  summariesOf(userId: string): Promise<(DocumentSummary & { createdAt: Date })[]> {
    return this.documents.find({
      select: {
        id: true,
        userId: true,
        type: true,
        name: true,
        status: true,
        issuedOn: true,
        expiresOn: true,
        createdAt: true,
      },
      where: { userId },
    });
  }

  countByStatus(userId?: string): Promise<Record<string, number>> {
    const query = this.documents.createQueryBuilder('document');
    if (userId) query.where('document.userId = :userId', { userId });
    return countBy(query, 'document', 'status');
  }
}
