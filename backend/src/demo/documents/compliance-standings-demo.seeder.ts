import { Injectable } from '@nestjs/common';
import { DemoData, DemoDataSeeder, DemoSeedContext } from '@app/demo/demo-data';
import { ComplianceService } from '@app/modules/compliance/compliance.service';

/**
 * The demo documents are written as rows (DocumentsDemoSeeder), not reviewed one by one: once
 * they are in, compliance computes every childminder's standing, which their profiles keep
 * (badges and verified-only search read it).
 */
@Injectable()
@DemoData(25)
export class ComplianceStandingsDemoSeeder implements DemoDataSeeder {
  constructor(private readonly compliance: ComplianceService) {}

  async seed(context: DemoSeedContext): Promise<void> {
    await this.compliance.refreshAllStandings(context.manager);
  }
}
