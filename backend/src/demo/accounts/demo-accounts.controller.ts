import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@app/common/auth/decorators';
import { AppConfig } from '@app/config/app-config';
import { DemoAccountsResponse } from '@app/modules/auth/dto/auth.response';
import { DEMO_ACCOUNTS } from '@app/demo/demo-data';

@ApiTags('Auth')
@Controller('auth/demo-accounts')
export class DemoAccountsController {
  constructor(private readonly config: AppConfig) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'The demo logins, listed only when the server runs with demo data' })
  @ApiOkResponse({ type: DemoAccountsResponse })
  list(): DemoAccountsResponse {
    if (!this.config.demoData) return { demoMode: false, accounts: [] };
    return {
      demoMode: true,
      accounts: DEMO_ACCOUNTS.map(({ role, label, email, password }) => ({ role, label, email, password })),
    };
  }
}
