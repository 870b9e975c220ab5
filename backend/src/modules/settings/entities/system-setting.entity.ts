import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A live-tunable platform setting (password policy, lockout thresholds, ...), JSON-encoded. */
@Entity('system_settings')
export class SystemSetting {
  @PrimaryColumn({ type: 'varchar', length: 100 })
  key: string;

  @Column({ type: 'simple-json' })
  value: unknown;

  @Column({ type: 'varchar', length: 36, nullable: true })
  updatedBy: string | null;

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt: Date;
}
