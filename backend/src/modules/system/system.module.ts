import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MaintenanceState } from './entities/maintenance-state.entity';
import { MaintenanceController } from './maintenance.controller';
import { MaintenanceInterceptor } from './maintenance.interceptor';
import { MaintenanceService } from './maintenance.service';

/** Platform-wide switches: maintenance mode (`/api/system/maintenance`) and its gate on every request. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([MaintenanceState])],
  controllers: [MaintenanceController],
  providers: [MaintenanceService, { provide: APP_INTERCEPTOR, useClass: MaintenanceInterceptor }],
  exports: [MaintenanceService],
})
export class SystemModule {}
