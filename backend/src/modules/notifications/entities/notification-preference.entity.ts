import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { User } from '@app/modules/users/entities/user.entity';

/** A user's choice for one notification type on one channel; absent rows take the type's default. */
@Entity('notification_preferences')
export class NotificationPreference {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: User;

  @PrimaryColumn({ type: 'varchar', length: 50 })
  type: string;

  @PrimaryColumn({ type: 'varchar', length: 20 })
  channel: string;

  @Column({ type: 'boolean' })
  enabled: boolean;

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt: Date;
}
