import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthContext } from '@app/common/auth/auth-context';
import { Auth, Authenticated } from '@app/common/auth/decorators';
import { Role } from '@app/common/auth/role';
import { ChildmindersService } from './childminders.service';
import { OwnChildminderProfileResponse } from './dto/childminder.response';
import { UpdateChildminderProfileDto } from './dto/update-childminder-profile.dto';

const CHILDMINDER_ONLY = [Role.Childminder] as const;

/** The childminder section of the signed-in user's profile. */
@ApiTags('User')
@Controller('user/childminder-profile')
export class ChildminderProfileController {
  constructor(private readonly childminders: ChildmindersService) {}

  @Get()
  @Authenticated({ roles: CHILDMINDER_ONLY })
  @ApiOperation({ summary: 'My childminder profile, with its private fields and completeness checklist' })
  @ApiOkResponse({ type: OwnChildminderProfileResponse })
  @ApiNotFoundResponse({ description: 'CHILDMINDER_PROFILE_NOT_STARTED: save it once with PATCH' })
  get(@Auth() auth: AuthContext) {
    return this.childminders.getOwn(auth);
  }

  @Patch()
  @Authenticated({ roles: CHILDMINDER_ONLY })
  @ApiOperation({ summary: 'Change my childminder profile (the first save starts it); unknown fields are refused' })
  @ApiOkResponse({ type: OwnChildminderProfileResponse })
  @ApiBadRequestResponse({ description: 'A field is unknown or not acceptable (named in details)' })
  update(@Auth() auth: AuthContext, @Body() dto: UpdateChildminderProfileDto) {
    return this.childminders.updateOwn(auth, dto);
  }
}
