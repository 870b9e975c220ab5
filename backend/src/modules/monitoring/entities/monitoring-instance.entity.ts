import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A server process that reported its traffic: admins see which instances are up and for how long. */
@Entity('monitoring_instances')
export class MonitoringInstance {
  @PrimaryColumn({ type: 'varchar', length: 100 })
  id: string;

  @Column({ type: 'varchar', length: 255 })
  hostname: string;

  @Column({ type: 'int' })
  pid: number;

  @Column({ type: 'datetime' })
  startedAt: Date;

  @Column({ type: 'datetime' })
  lastSeenAt: Date;
}
