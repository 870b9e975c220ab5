import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, UpdateDateColumn } from 'typeorm';
import { UuidEntity } from '@app/database/uuid-entity';
import { User } from '@app/modules/users/entities/user.entity';
import { ComplianceStatus } from '../compliance-status';

/** An admin's decision that replaces a childminder's computed status, with the reason. One per user. */
@Entity('compliance_overrides')
@Index('UQ_compliance_overrides_user', ['userId'], { unique: true })
export class ComplianceOverride extends UuidEntity {
  @Column({ type: 'varchar', length: 36 })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: User;

  @Column({ type: 'varchar', length: 20 })
  status: ComplianceStatus;

  @Column({ type: 'varchar', length: 1000 })
  reason: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  adminId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'adminId' })
  admin?: User | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt: Date;
}
