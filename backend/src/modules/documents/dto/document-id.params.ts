import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

/** `:documentId`: anything but a UUID is a 400 naming `documentId`, never a database lookup. */
export class DocumentIdParams {
  @ApiProperty({ format: 'uuid', description: 'The document' })
  @IsUUID('all', { message: 'documentId must be a UUID' })
  documentId: string;
}

/** `?documentId=` of the admin download route (the seed's shape). */
export class DocumentDownloadQuery extends DocumentIdParams {}

/** `:imageId` of a profile photo URL. */
export class ProfileImageIdParams {
  @ApiProperty({ format: 'uuid', description: 'The profile photo (changes with each upload)' })
  @IsUUID('all', { message: 'imageId must be a UUID' })
  imageId: string;
}
