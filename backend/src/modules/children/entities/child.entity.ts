import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, UpdateDateColumn } from 'typeorm';
import { UuidEntity } from '@app/database/uuid-entity';
import { User } from '@app/modules/users/entities/user.entity';

/**
 * A parent's child. Sensitive (health and needs): only the children service decides who may
 * read a row, through `requireChildAccess`.
 */
@Entity('children')
// Leads with parentId: serves the foreign key and "my children, youngest last" without a sort.
@Index('IDX_children_parent_dob', ['parentId', 'dateOfBirth'])
export class Child extends UuidEntity {
  @Column({ type: 'varchar', length: 36 })
  parentId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'parentId' })
  parent?: User;

  @Column({ type: 'varchar', length: 50 })
  firstName: string;

  /**
   * A calendar date, `YYYY-MM-DD`, on both dialects. `utc: true` because mysql2 (timezone 'Z')
   * hands DATE columns over as UTC midnight: read with local getters, a server west of
   * Greenwich would see the day before.
   */
  @Column({ type: 'date', utc: true })
  dateOfBirth: string;

  @Column({ type: 'text', nullable: true })
  specialNeeds: string | null;

  @Column({ type: 'text', nullable: true })
  allergies: string | null;

  @Column({ type: 'text', nullable: true })
  medicalNotes: string | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt: Date;
}
