import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthContext } from '@app/common/auth/auth-context';
import { Auth, Authenticated } from '@app/common/auth/decorators';
import { ReqMeta, RequestMeta } from '@app/common/http/request-meta';
import { UpdateProfileDto } from './dto/update-profile.dto';
import { ProfileResponse, UserResponse } from './dto/user.response';
import { UsersService } from './users.service';

@ApiTags('User')
/** The signed-in user. (The live chat status, `/api/auth/chat-status`, is served by the chat module.) */
@Controller()
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get('users/me')
  @Authenticated()
  @ApiOperation({ summary: 'The signed-in user' })
  @ApiOkResponse({ type: UserResponse })
  me(@Auth() auth: AuthContext) {
    return this.users.getMe(auth);
  }

  @Get('user/profile')
  @Authenticated()
  @ApiOperation({ summary: "The signed-in user's profile" })
  @ApiOkResponse({ type: ProfileResponse })
  profile(@Auth() auth: AuthContext) {
    return this.users.getProfile(auth);
  }

  @Patch('user/profile')
  @Authenticated()
  @ApiOperation({ summary: 'Change name, phone or postcode; any other field is refused with 400' })
  @ApiOkResponse({ type: ProfileResponse })
  updateProfile(@Auth() auth: AuthContext, @Body() dto: UpdateProfileDto, @ReqMeta() meta: RequestMeta) {
    return this.users.updateProfile(auth, dto, meta);
  }
}
