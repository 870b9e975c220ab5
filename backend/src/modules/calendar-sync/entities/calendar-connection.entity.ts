import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, UpdateDateColumn } from 'typeorm';
import { Role } from '@app/common/auth/role';
import { UuidEntity } from '@app/database/uuid-entity';
import { User } from '@app/modules/users/entities/user.entity';

export enum ConnectionStatus {
  Connected = 'connected',
  /** Google refused the stored grant (revoked, expired, password changed): the user must connect again. */
  ReconnectNeeded = 'reconnect_needed',
}

/** What the last push did, as the status screen and `POST /api/calendar-sync/sync` report it. */
export interface SyncCounts {
  created: number;
  updated: number;
  deleted: number;
  failed: number;
}

/** A user's Google Calendar grant and sync state: one per user. Tokens are sealed with the app key. */
@Entity('calendar_connections')
// The push job: connected rows whose next push is due.
@Index('IDX_calendar_connections_due', ['status', 'nextPushAt'])
export class CalendarConnection extends UuidEntity {
  @Index('UQ_calendar_connections_user', { unique: true })
  @Column({ type: 'varchar', length: 36 })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: User;

  /** parent: bookings are pushed; childminder: bookings and availability, and busy time is pulled. */
  @Column({ type: 'varchar', length: 20 })
  role: Role;

  @Column({ type: 'varchar', length: 20 })
  status: ConnectionStatus;

  @Column({ type: 'varchar', length: 254, nullable: true })
  googleEmail: string | null;

  /** The calendar events go to; null until the dedicated calendar is created on the first push. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  calendarId: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  calendarName: string | null;

  @Column({ type: 'text' })
  accessTokenSealed: string;

  @Column({ type: 'text' })
  refreshTokenSealed: string;

  @Column({ type: 'datetime', nullable: true })
  accessTokenExpiresAt: Date | null;

  @Column({ type: 'datetime', nullable: true })
  lastSyncAt: Date | null;

  @Column({ type: 'simple-json', nullable: true })
  lastSyncResult: SyncCounts | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  lastError: string | null;

  /** When the push job next reconciles this calendar (sooner after a failure, with backoff). */
  @Column({ type: 'datetime' })
  nextPushAt: Date;

  /** Failed pushes in a row: the backoff's exponent. */
  @Column({ type: 'int', default: 0 })
  failedAttempts: number;

  /** When busy time was last read from Google (childminders only). */
  @Column({ type: 'datetime', nullable: true })
  lastPullAt: Date | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt: Date;
}
