import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ChildBookingsModule } from '@app/modules/bookings/child-bookings.module';
import { ChildrenController } from './children.controller';
import { ChildrenRepository } from './children.repository';
import { ChildrenService } from './children.service';
import { Child } from './entities/child.entity';
import { ChildrenPersonalData } from './children.personal-data';

@Module({
  // ChildBookingsPort: whether a child is in an active booking (the bookings module answers).
  imports: [TypeOrmModule.forFeature([Child]), ChildBookingsModule],
  controllers: [ChildrenController],
  providers: [ChildrenPersonalData, ChildrenRepository, ChildrenService],
  // Bookings read and lock children (ownership, dates of birth for capacity) through the service.
  exports: [ChildrenService],
})
export class ChildrenModule {}
