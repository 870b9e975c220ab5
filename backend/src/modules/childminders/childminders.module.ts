import { Module } from '@nestjs/common';
import { ReplyTimesModule } from '@app/modules/messaging/reply-times.module';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@app/modules/auth/auth.module';
import { CareAvailabilityModule } from '@app/modules/availability/care-availability.module';
import { ComplianceModule } from '@app/modules/compliance/compliance.module';
import { GeoModule } from '@app/modules/geo/geo.module';
import { UsersModule } from '@app/modules/users/users.module';
import { ChildminderProfileController } from './childminder-profile.controller';
import { ChildmindersController } from './childminders.controller';
import { ChildmindersRepository } from './childminders.repository';
import { ChildmindersService } from './childminders.service';
import { ChildminderFavorite } from './entities/childminder-favorite.entity';
import { ChildminderProfile } from './entities/childminder-profile.entity';
import { ChildmindersPersonalData } from './childminders.personal-data';

/**
 * Childminder profiles, the postcode search, recommendations and parents' favourites.
 * Bookings (capacity, the row lock) and reviews (rating columns) read and update profiles through
 * the exported service (the one lock path for a profile row); compliance hands each childminder's
 * standing (badges, verified-only search) to a listener this module's service registers.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([ChildminderProfile, ChildminderFavorite]),
    GeoModule,
    UsersModule,
    AuthModule,
    ComplianceModule,
    // CareAvailabilityPort: the search's "who can give this care?", answered from availability.
    CareAvailabilityModule,
    // ReplyTimesPort: "usually replies within 2 hours" on the public profile, answered from messaging.
    ReplyTimesModule,
  ],
  controllers: [ChildmindersController, ChildminderProfileController],
  providers: [ChildmindersPersonalData, ChildmindersRepository, ChildmindersService],
  exports: [ChildmindersService],
})
export class ChildmindersModule {}
