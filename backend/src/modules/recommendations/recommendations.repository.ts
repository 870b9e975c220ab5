import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, LessThan, MoreThanOrEqual, Repository } from 'typeorm';
import { RecommendationImpression } from './entities/recommendation-impression.entity';
import { RecommendationModel } from './entities/recommendation-model.entity';

/** The recommendation_impressions and recommendation_models tables. */
@Injectable()
export class RecommendationsRepository {
  constructor(
    @InjectRepository(RecommendationImpression) private readonly impressions: Repository<RecommendationImpression>,
    @InjectRepository(RecommendationModel) private readonly models: Repository<RecommendationModel>,
  ) {}

  async recordShown(rows: RecommendationImpression[]): Promise<void> {
    if (rows.length > 0) await this.impressions.insert(rows);
  }

  /** The recommendation if it was shown to this parent (null for anyone else's). */
  findShownTo(id: string, parentId: string): Promise<RecommendationImpression | null> {
    return this.impressions.findOne({ where: { id, parentId } });
  }

  /** Records the first click only: later ones say nothing new. */
  async markClicked(id: string, at: Date): Promise<void> {
    await this.impressions.update({ id, clickedAt: IsNull() }, { clickedAt: at });
  }

  /** What was shown since `since`, oldest first, for training. */
  shownSince(since: Date, limit: number): Promise<RecommendationImpression[]> {
    return this.impressions.find({
      where: { shownAt: MoreThanOrEqual(since) },
      order: { shownAt: 'ASC' },
      take: limit,
    });
  }

  async pruneShownBefore(before: Date): Promise<number> {
    return (await this.impressions.delete({ shownAt: LessThan(before) })).affected ?? 0;
  }

  latestModel(): Promise<RecommendationModel | null> {
    return this.models.findOne({ where: {}, order: { version: 'DESC' } });
  }

  async saveModel(model: RecommendationModel): Promise<void> {
    await this.models.insert(model);
  }
}
