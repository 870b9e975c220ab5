import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { UuidEntity } from '@app/database/uuid-entity';
import { User } from '@app/modules/users/entities/user.entity';
import { ChildminderProfile } from './childminder-profile.entity';

/** A parent's saved childminder. */
@Entity('childminder_favorites')
// Leads with parentId: "my favourites, newest first" and "is this one of mine?".
@Index('UQ_childminder_favorites_parent_profile', ['parentId', 'profileId'], { unique: true })
@Index('IDX_childminder_favorites_parent_created', ['parentId', 'createdAt'])
export class ChildminderFavorite extends UuidEntity {
  @Column({ type: 'varchar', length: 36 })
  parentId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'parentId' })
  parent?: User;

  @Index('IDX_childminder_favorites_profile')
  @Column({ type: 'varchar', length: 36 })
  profileId: string;

  @ManyToOne(() => ChildminderProfile, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'profileId' })
  profile?: ChildminderProfile;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
