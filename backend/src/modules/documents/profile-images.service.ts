import { Injectable, Logger, StreamableFile } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthContext } from '@app/common/auth/auth-context';
import { FileStorage, StoredObjectMissing } from '@app/modules/storage/file-storage';
import { ReceivedFile } from '@app/modules/storage/uploads/upload-receiver';
import { DocumentErrorCode, DocumentException } from './document.exception';
import { DocumentsRepository } from './documents.repository';
import { profileImageUrl, ProfileImageResponse, toProfileImageResponse } from './dto/profile-image.response';
import { ProfileImage } from './entities/profile-image.entity';
import { UsersService } from '@app/modules/users/users.service';

const imageNotFound = () => new DocumentException(DocumentErrorCode.ImageNotFound, 'Image not found');

/**
 * Profile photos: one per user, stored re-encoded (no EXIF or GPS), served publicly under an
 * unguessable id that changes with every upload.
 */
@Injectable()
export class ProfileImagesService {
  private readonly logger = new Logger(ProfileImagesService.name);

  constructor(
    private readonly documents: DocumentsRepository,
    private readonly storage: FileStorage,
    private readonly users: UsersService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /**
   * Replaces the caller's photo with `file` (already re-encoded and stored). It becomes their
   * avatar (the header, and wherever staff appear: support replies, the chat agent).
   */
  async replace(auth: AuthContext, file: ReceivedFile): Promise<ProfileImageResponse> {
    const image = Object.assign(new ProfileImage(), {
      userId: auth.userId,
      storageKey: file.key,
      contentType: file.contentType,
      sizeBytes: file.size,
      width: file.width ?? 0,
      height: file.height ?? 0,
      sha256: file.sha256,
    });
    const previous = await this.dataSource.transaction(async (manager) => {
      const old = await this.documents.findImageForUser(auth.userId, manager);
      if (old) await this.documents.deleteImage(old.id, manager);
      await this.documents.insertImage(image, manager);
      await this.users.updateAccount(auth.userId, { avatarUrl: profileImageUrl(image.id) }, manager);
      return old;
    });
    if (previous) {
      await this.storage
        .delete(previous.storageKey)
        .catch((error: unknown) =>
          this.logger.warn(
            { err: error, key: previous.storageKey },
            'Could not delete a replaced photo; the cleanup job will',
          ),
        );
    }
    return toProfileImageResponse((await this.documents.findImageById(image.id)) ?? image);
  }

  /** The photo's bytes, for the public image route. */
  async open(imageId: string): Promise<StreamableFile> {
    const image = await this.documents.findImageById(imageId);
    if (!image) throw imageNotFound();
    try {
      const stream = await this.storage.read(image.storageKey);
      return new StreamableFile(stream, { type: image.contentType, length: image.sizeBytes, disposition: 'inline' });
    } catch (error) {
      if (error instanceof StoredObjectMissing) throw imageNotFound();
      throw error;
    }
  }
}
