import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { User } from '@app/modules/users/entities/user.entity';

/** One admin's choices about admin events: `{ "job_failed": { "email": true, "inApp": false } }`. */
@Entity('admin_preferences')
export class AdminPreferences {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: User;

  @Column({ type: 'simple-json' })
  notifications: Record<string, { email: boolean; inApp: boolean }>;

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt: Date;
}
