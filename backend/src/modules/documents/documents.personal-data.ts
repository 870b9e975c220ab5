import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PersonalDataRegistry } from '@app/modules/privacy/personal-data.registry';
import { FileStorage } from '@app/modules/storage/file-storage';
import { Document } from './entities/document.entity';
import { ProfileImage } from './entities/profile-image.entity';

/** Compliance documents and profile pictures: rows deleted with the erasure, files right after it commits. */
@Injectable()
export class DocumentsPersonalData implements OnModuleInit {
  constructor(
    private readonly registry: PersonalDataRegistry,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly storage: FileStorage,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      section: 'documents',
      export: async (userId) => ({
        documents: (await this.dataSource.getRepository(Document).find({ where: { userId } })).map(
          ({
            id,
            type,
            name,
            description,
            issuedOn,
            expiresOn,
            originalFileName,
            contentType,
            sizeBytes,
            status,
            reviewReason,
            reviewedAt,
            createdAt,
          }) => ({
            id,
            type,
            name,
            description,
            issuedOn,
            expiresOn,
            originalFileName,
            contentType,
            sizeBytes,
            status,
            reviewReason,
            reviewedAt,
            createdAt,
          }),
        ),
        profileImages: (await this.dataSource.getRepository(ProfileImage).find({ where: { userId } })).map(
          ({ id, contentType, width, height, createdAt }) => ({ id, contentType, width, height, createdAt }),
        ),
      }),
      erase: async ({ userId }, manager) => {
        const documents = await manager.getRepository(Document).find({ where: { userId } });
        const images = await manager.getRepository(ProfileImage).find({ where: { userId } });
        await manager.getRepository(Document).delete({ userId });
        await manager.getRepository(ProfileImage).delete({ userId });
        const keys = [...documents, ...images].map((row) => row.storageKey);
        return async () => {
          for (const key of keys) await this.storage.delete(key);
        };
      },
    });
  }
}
