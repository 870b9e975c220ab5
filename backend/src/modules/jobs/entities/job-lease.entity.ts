import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Who may run a scheduled job right now: one row per job, held until `leaseUntil`. */
@Entity('job_leases')
export class JobLease {
  @PrimaryColumn({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  holder: string | null;

  @Column({ type: 'datetime', precision: 3 })
  leaseUntil: Date;
}
