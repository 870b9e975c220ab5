import { Column, CreateDateColumn, Entity, Index } from 'typeorm';
import { UuidEntity } from '@app/database/uuid-entity';
import type { Weights } from '../engine/model';

/** A trained version of the recommender's weights; the highest version is the one in use. */
@Entity('recommendation_models')
export class RecommendationModel extends UuidEntity {
  @Index('UQ_recommendation_models_version', { unique: true })
  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'simple-json' })
  weights: Weights;

  /** How many lists with a choice, and how many chosen-over-shown pairs, it learned from. */
  @Column({ type: 'int' })
  choiceSets: number;

  @Column({ type: 'int' })
  pairs: number;

  /** Mean pairwise log-loss on the training log with the prior weights and with these. */
  @Column({ type: 'double' })
  lossBefore: number;

  @Column({ type: 'double' })
  lossAfter: number;

  @CreateDateColumn({ type: 'datetime' })
  trainedAt: Date;
}
