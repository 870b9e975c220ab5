import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { UuidEntity } from '@app/database/uuid-entity';
import { User } from '@app/modules/users/entities/user.entity';

/**
 * A user's current profile photo (at most one per user), already re-encoded without metadata.
 * Its id is the public handle in `/api/profile-images/:imageId`: a new upload gets a new id, so
 * the URL can be cached forever and an old URL stops working when the photo is replaced.
 */
@Entity('profile_images')
export class ProfileImage extends UuidEntity {
  @Index('UQ_profile_images_user', { unique: true })
  @Column({ type: 'varchar', length: 36 })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: User;

  @Index('UQ_profile_images_storage_key', { unique: true })
  @Column({ type: 'varchar', length: 100 })
  storageKey: string;

  @Column({ type: 'varchar', length: 100 })
  contentType: string;

  @Column({ type: 'int' })
  sizeBytes: number;

  @Column({ type: 'int' })
  width: number;

  @Column({ type: 'int' })
  height: number;

  @Column({ type: 'varchar', length: 64 })
  sha256: string;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
