import { ApiProperty } from '@nestjs/swagger';
import { ProfileImage } from '../entities/profile-image.entity';

export class ProfileImageResponse {
  @ApiProperty({
    example: '/api/profile-images/5b0b5c4e-0000-4000-8000-000000000000',
    description: 'Public, cacheable URL of the re-encoded photo; a new upload gets a new URL',
  })
  url: string;
  @ApiProperty({ example: 'image/jpeg' }) contentType: string;
  @ApiProperty() width: number;
  @ApiProperty() height: number;
  @ApiProperty() sizeBytes: number;
}

export const profileImageUrl = (imageId: string) => `/api/profile-images/${imageId}`;

export const toProfileImageResponse = (image: ProfileImage): ProfileImageResponse => ({
  url: profileImageUrl(image.id),
  contentType: image.contentType,
  width: image.width,
  height: image.height,
  sizeBytes: image.sizeBytes,
});
