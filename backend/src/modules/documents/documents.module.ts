import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StorageModule } from '@app/modules/storage/storage.module';
import { UsersModule } from '@app/modules/users/users.module';
import { AdminDocumentsController } from './admin-documents.controller';
import { DocumentsController } from './documents.controller';
import { DocumentsRepository } from './documents.repository';
import { DocumentsService } from './documents.service';
import { Document } from './entities/document.entity';
import { ProfileImage } from './entities/profile-image.entity';
import { ProfileImagesController } from './profile-images.controller';
import { ProfileImagesService } from './profile-images.service';
import { UploadCleanupService } from './upload-cleanup.service';
import { DocumentsPersonalData } from './documents.personal-data';
import { DocumentChangeNotifier } from './document-changes.port';

/**
 * Compliance documents and profile photos: uploads (through StorageModule's pipeline), review by
 * admins, downloads, and the daily reconciliation of storage with the database.
 */
@Module({
  // Compliance is told when a user's documents change (her standing: badges, verified search).
  imports: [TypeOrmModule.forFeature([Document, ProfileImage]), StorageModule, UsersModule],
  controllers: [DocumentsController, AdminDocumentsController, ProfileImagesController],
  providers: [
    DocumentChangeNotifier,
    DocumentsPersonalData,
    DocumentsRepository,
    DocumentsService,
    ProfileImagesService,
    UploadCleanupService,
  ],
  // Compliance (badges, reminders) reads documents through the service.
  exports: [DocumentChangeNotifier, DocumentsService, UploadCleanupService],
})
export class DocumentsModule {}
