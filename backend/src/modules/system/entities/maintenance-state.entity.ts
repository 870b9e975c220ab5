import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** The platform's maintenance switch: one row (`platform`), read by every instance. */
@Entity('maintenance_state')
export class MaintenanceState {
  @PrimaryColumn({ type: 'varchar', length: 20 })
  id: string;

  @Column({ type: 'boolean', default: false })
  enabled: boolean;

  /** What users see on the maintenance page. */
  @Column({ type: 'varchar', length: 500, default: '' })
  message: string;

  /** When the admin expects to finish; the 503's Retry-After counts down to it. */
  @Column({ type: 'datetime', nullable: true })
  expectedEndAt: Date | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  updatedBy: string | null;

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt: Date;
}
