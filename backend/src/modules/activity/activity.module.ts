import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ActivityController } from './activity.controller';
import { ActivityService } from './activity.service';
import { UserActivity } from './entities/user-activity.entity';
import { ActivityPersonalData } from './activity.personal-data';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([UserActivity])],
  controllers: [ActivityController],
  providers: [ActivityPersonalData, ActivityService],
  exports: [ActivityService],
})
export class ActivityModule {}
