import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PersonalDataRegistry } from '@app/modules/privacy/personal-data.registry';
import { redactColumns } from '@app/modules/privacy/redact';
import { Review } from './entities/review.entity';

/** A parent's reviews keep their star rating (it is part of a childminder's average) but lose their words. */
@Injectable()
export class ReviewsPersonalData implements OnModuleInit {
  constructor(
    private readonly registry: PersonalDataRegistry,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      section: 'reviews',
      export: async (userId) =>
        (await this.dataSource.getRepository(Review).find({ where: { parentId: userId } })).map(
          ({ id, bookingId, profileId, rating, text, reply, createdAt }) => ({
            id,
            bookingId,
            profileId,
            rating,
            text,
            reply,
            createdAt,
          }),
        ),
      erase: async (subject, manager) => {
        await manager.getRepository(Review).update({ parentId: subject.userId }, { text: null });
        await redactColumns(manager, Review, ['text', 'reply'], subject);
      },
    });
  }
}
