import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DocumentsModule } from '@app/modules/documents/documents.module';
import { UsersModule } from '@app/modules/users/users.module';
import { ComplianceExpirationsJob } from './compliance-expirations.job';
import { ComplianceStandingsJob } from './compliance-standings.job';
import {
  AdminComplianceController,
  ComplianceExpirationsController,
  OwnComplianceController,
} from './compliance.controller';
import { ComplianceRepository } from './compliance.repository';
import { ComplianceService } from './compliance.service';
import { ComplianceOverride } from './entities/compliance-override.entity';
import { ComplianceReminderSent } from './entities/compliance-reminder-sent.entity';
import { ComplianceRequirement } from './entities/compliance-requirement.entity';
import { CompliancePersonalData } from './compliance.personal-data';

/** Requirements per role, each childminder's status (with admin overrides), and expiry reminders. */
@Module({
  imports: [
    TypeOrmModule.forFeature([ComplianceRequirement, ComplianceReminderSent, ComplianceOverride]),
    // Users and their documents, read through their services.
    UsersModule,
    DocumentsModule,
  ],
  controllers: [AdminComplianceController, ComplianceExpirationsController, OwnComplianceController],
  providers: [
    CompliancePersonalData,
    ComplianceRepository,
    ComplianceService,
    ComplianceExpirationsJob,
    ComplianceStandingsJob,
  ],
  exports: [ComplianceService],
})
export class ComplianceModule {}
