import { Body, Controller, Get, Header, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthContext } from '@app/common/auth/auth-context';
import { Auth, Authenticated } from '@app/common/auth/decorators';
import { DeleteAccountDto } from './dto/delete-account.dto';
import { PrivacyService } from './privacy.service';

@ApiTags('User')
@Controller('user')
export class AccountDataController {
  constructor(private readonly privacy: PrivacyService) {}

  @Get('data-export')
  @Authenticated()
  @Header('Content-Disposition', 'attachment; filename="childminder-connect-my-data.json"')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Download my data: a JSON archive of everything held about me, one section per area' })
  @ApiOkResponse({ description: 'The archive: format, exportedAt, userId and sections' })
  exportMyData(@Auth() auth: AuthContext) {
    return this.privacy.exportFor(auth.userId);
  }

  @Post('delete-account')
  @Authenticated()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'Delete my account: personal data erased everywhere; bookings and payments kept anonymised',
  })
  @ApiNoContentResponse({ description: 'Erased; every session has ended' })
  deleteMyAccount(@Auth() auth: AuthContext, @Body() dto: DeleteAccountDto) {
    return this.privacy.deleteOwnAccount(auth, dto);
  }
}
