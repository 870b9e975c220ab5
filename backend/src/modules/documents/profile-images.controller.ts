import { Controller, Get, Header, Param, Post } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { AuthContext } from '@app/common/auth/auth-context';
import { Auth, Authenticated, Public } from '@app/common/auth/decorators';
import { ADMIN_ROLES } from '@app/common/auth/role';
import { ReceivedFile } from '@app/modules/storage/uploads/upload-receiver';
import { ReceivesUpload, UploadedFile } from '@app/modules/storage/uploads/upload.interceptor';
import { UploadKind } from '@app/modules/storage/uploads/upload-kind';
import { ProfileImageIdParams } from './dto/document-id.params';
import { ProfileImageResponse } from './dto/profile-image.response';
import { ProfileImagesService } from './profile-images.service';

/**
 * Profile photos. Uploads are re-encoded (EXIF and GPS dropped) and served by the public
 * `GET /api/profile-images/:imageId`: public because childminders' photos appear on public
 * profiles, safe because the id is random and changes with each upload.
 */
@ApiTags('Profile images')
@Controller()
export class ProfileImagesController {
  constructor(private readonly images: ProfileImagesService) {}

  @Post('user/profile-image')
  @Authenticated()
  @ReceivesUpload(UploadKind.Image)
  @ApiOperation({ summary: 'Upload or replace my profile photo (multipart: file); returns its URL' })
  @ApiCreatedResponse({ type: ProfileImageResponse })
  upload(@Auth() auth: AuthContext, @UploadedFile() file: ReceivedFile) {
    return this.images.replace(auth, file);
  }

  @Post('admin/profile-image')
  @Authenticated({ roles: ADMIN_ROLES })
  @ReceivesUpload(UploadKind.Image)
  @ApiOperation({ summary: "Upload or replace the signed-in admin's profile photo (multipart: file)" })
  @ApiCreatedResponse({ type: ProfileImageResponse })
  uploadForAdmin(@Auth() auth: AuthContext, @UploadedFile() file: ReceivedFile) {
    return this.images.replace(auth, file);
  }

  @Get('profile-images/:imageId')
  @Public()
  @Header('Cache-Control', 'public, max-age=31536000, immutable')
  @ApiOperation({ summary: 'A profile photo (re-encoded, no metadata)' })
  @ApiProduces('image/jpeg', 'image/png', 'image/webp')
  @ApiOkResponse({ description: 'The image' })
  @ApiNotFoundResponse({ description: 'No such photo (or it was replaced)' })
  show(@Param() params: ProfileImageIdParams) {
    return this.images.open(params.imageId);
  }
}
