import { Module } from '@nestjs/common';
import { join } from 'node:path';
import { AppConfig } from '@app/config/app-config';
import { FileStorage } from './file-storage';
import { LocalDiskStorage } from './local-disk.storage';
import { UploadInterceptor } from './uploads/upload.interceptor';
import { UploadReceiver } from './uploads/upload-receiver';

/** Where uploads live inside the data directory. */
export const uploadsDir = (config: AppConfig) => join(config.dataDir, 'uploads');

/**
 * Provides the one `FileStorage` and the upload pipeline (`@ReceivesUpload`). Today always the local disk under `${DATA_DIR}/uploads`; an
 * S3-compatible implementation is chosen here from configuration, and callers do not change.
 */
@Module({
  providers: [
    {
      provide: FileStorage,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => new LocalDiskStorage(uploadsDir(config)),
    },
    UploadReceiver,
    UploadInterceptor,
  ],
  exports: [FileStorage, UploadReceiver, UploadInterceptor],
})
export class StorageModule {}
