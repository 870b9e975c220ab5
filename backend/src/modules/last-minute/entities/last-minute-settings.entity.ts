import { Column, Entity, Index, JoinColumn, ManyToOne, UpdateDateColumn } from 'typeorm';
import { UuidEntity } from '@app/database/uuid-entity';
import { User } from '@app/modules/users/entities/user.entity';

/**
 * One user's last-minute settings. A parent's alert preferences (the alert fields) or a
 * childminder's auto-accept rules (the auto-accept fields); the other role's fields keep their
 * defaults and are never shown.
 */
@Entity('last_minute_settings')
@Index('UQ_last_minute_settings_user', ['userId'], { unique: true })
// Publishing an opening looks for parents with alerts on.
@Index('IDX_last_minute_settings_alerts', ['alertsEnabled'])
export class LastMinuteSettings extends UuidEntity {
  @Column({ type: 'varchar', length: 36 })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: User;

  @Column({ type: 'boolean', default: false })
  alertsEnabled: boolean;

  @Column({ type: 'int', default: 5 })
  radiusMiles: number;

  /** The parent's children the alerts are for; empty means all of them. */
  @Column({ type: 'simple-json' })
  childIds: string[];

  @Column({ type: 'boolean', default: true })
  emailAlerts: boolean;

  @Column({ type: 'boolean', default: true })
  inAppAlerts: boolean;

  /** Childminder rule: confirm requests from families with a completed booking automatically. */
  @Column({ type: 'boolean', default: false })
  autoAcceptReturningFamilies: boolean;

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt: Date;
}
