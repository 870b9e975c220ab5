import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { FlatJson } from '@app/database/flat-json';
import { UuidEntity } from '@app/database/uuid-entity';
import { User } from '@app/modules/users/entities/user.entity';

/** One thing that happened to an account, shown to its owner on the activity page. */
@Entity('user_activity')
@Index('IDX_user_activity_user_created', ['userId', 'createdAt'])
export class UserActivity extends UuidEntity {
  @Column({ type: 'varchar', length: 36 })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: User;

  @Column({ type: 'varchar', length: 50 })
  type: string;

  @Column({ type: 'varchar', length: 255 })
  description: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  userAgent: string | null;

  @Column({ type: 'simple-json', nullable: true })
  metadata: FlatJson | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
