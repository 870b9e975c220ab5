import { Column, CreateDateColumn, Entity, Index } from 'typeorm';
import { UuidEntity } from '@app/database/uuid-entity';

/**
 * One childminder shown to one parent as a recommendation. Its id is the recommendation id the
 * parent's click names; the features and the model version are kept as they were when shown, so
 * training learns from what the parent saw, not from today's profile.
 */
@Entity('recommendation_impressions')
// A parent's own recommendations (clicks prove ownership), and the training window by time.
@Index('IDX_recommendation_impressions_parent_shown', ['parentId', 'shownAt'])
@Index('IDX_recommendation_impressions_shown', ['shownAt'])
export class RecommendationImpression extends UuidEntity {
  /** Everything shown in one answer shares it: a choice is a choice among these. */
  @Column({ type: 'varchar', length: 36 })
  setId: string;

  @Column({ type: 'varchar', length: 36 })
  parentId: string;

  /** The childminder profile shown. */
  @Column({ type: 'varchar', length: 36 })
  profileId: string;

  /** 0-based place in the answer's ranking. */
  @Column({ type: 'int' })
  position: number;

  /** The feature vector, in the engine's FEATURES order. */
  @Column({ type: 'simple-json' })
  features: number[];

  @Column({ type: 'int' })
  matchScore: number;

  @Column({ type: 'int' })
  modelVersion: number;

  @CreateDateColumn({ type: 'datetime' })
  shownAt: Date;

  @Column({ type: 'datetime', nullable: true })
  clickedAt: Date | null;
}
