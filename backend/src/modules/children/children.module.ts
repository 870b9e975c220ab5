import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ChildrenController } from './children.controller';
import { ChildrenRepository } from './children.repository';
import { ChildrenService } from './children.service';
import { Child } from './entities/child.entity';
import { ChildrenPersonalData } from './children.personal-data';

@Module({
  imports: [TypeOrmModule.forFeature([Child])],
  controllers: [ChildrenController],
  providers: [ChildrenPersonalData, ChildrenRepository, ChildrenService],
  // Bookings read children (ownership, dates of birth for capacity) through these.
  exports: [ChildrenRepository, ChildrenService],
})
export class ChildrenModule {}
