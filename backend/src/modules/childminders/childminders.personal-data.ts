import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PersonalDataRegistry } from '@app/modules/privacy/personal-data.registry';
import { ChildminderFavorite } from './entities/childminder-favorite.entity';
import { ChildminderProfile } from './entities/childminder-profile.entity';

/**
 * A childminder's public profile is kept as an empty, hidden shell (bookings and reviews point at
 * it) with nothing about the person left in it; a parent's favourites are deleted.
 */
@Injectable()
export class ChildmindersPersonalData implements OnModuleInit {
  constructor(
    private readonly registry: PersonalDataRegistry,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      section: 'childminderProfile',
      export: async (userId) => {
        const profile = await this.dataSource.getRepository(ChildminderProfile).findOneBy({ userId });
        const favourites = await this.dataSource
          .getRepository(ChildminderFavorite)
          .find({ where: { parentId: userId } });
        return {
          profile: profile ? { ...profile } : null,
          favouriteProfileIds: favourites.map((f) => f.profileId),
        };
      },
      erase: async ({ userId }, manager) => {
        await manager.getRepository(ChildminderFavorite).delete({ parentId: userId });
        await manager.getRepository(ChildminderProfile).update(
          { userId },
          {
            displayName: 'Former childminder',
            bio: null,
            photoUrl: null,
            town: null,
            postcode: null,
            postcodeDistrict: null,
            latitude: null,
            longitude: null,
            specialNeedsDetails: null,
            openingHours: null,
            ofstedUrn: null,
            ofstedRegisteredOn: null,
            ofstedRegistrationStatus: null,
            ofstedRegisterCheckedAt: null,
            inspection: null,
            ownChildrenDatesOfBirth: [],
            languages: [],
            visible: false,
            active: false,
            // Her documents are erased too: nothing is left to earn a badge.
            complianceBadges: '',
            compliantThrough: null,
          },
        );
      },
    });
  }
}
