import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RequestGate } from '@app/common/auth/request-gate';
import { MaintenanceState } from './entities/maintenance-state.entity';
import { MaintenanceController } from './maintenance.controller';
import { MaintenanceGate } from './maintenance.gate';
import { MaintenanceService } from './maintenance.service';

/** Platform-wide switches: maintenance mode (`/api/system/maintenance`) and its gate on every request. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([MaintenanceState])],
  controllers: [MaintenanceController],
  providers: [MaintenanceService, MaintenanceGate, { provide: RequestGate, useExisting: MaintenanceGate }],
  exports: [MaintenanceService, RequestGate],
})
export class SystemModule {}
