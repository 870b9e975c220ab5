import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ChildrenController } from './children.controller';
import { ChildrenRepository } from './children.repository';
import { ChildrenService } from './children.service';
import { Child } from './entities/child.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Child])],
  controllers: [ChildrenController],
  providers: [ChildrenRepository, ChildrenService],
  // Bookings read children (ownership, dates of birth for capacity) through these.
  exports: [ChildrenRepository, ChildrenService],
})
export class ChildrenModule {}
