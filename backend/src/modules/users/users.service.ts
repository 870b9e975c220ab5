import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthContext } from '@app/common/auth/auth-context';
import { RequestMeta } from '@app/common/http/request-meta';
import { ActivityType } from '@app/modules/activity/activity-type';
import { ActivityService } from '@app/modules/activity/activity.service';
import { ChatStatusResponse, UpdateChatStatusDto } from './dto/chat-status.dto';
import { UpdateProfileDto } from './dto/update-profile.dto';
import { ProfileResponse, toProfileResponse, toUserResponse, UserResponse } from './dto/user.response';
import { ChatStatus, User } from './entities/user.entity';
import { UserErrorCode, UserException } from './user.exception';
import { UsersRepository } from './users.repository';

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly activity: ActivityService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** The user behind an id, or the feature's 404. */
  async requireUser(id: string): Promise<User> {
    const user = await this.users.findById(id);
    if (!user) throw new UserException(UserErrorCode.NotFound, 'User not found');
    return user;
  }

  /** The users behind `ids` (unknown ids are left out). */
  findManyByIds(ids: readonly string[], manager?: EntityManager): Promise<User[]> {
    return this.users.findByIds(ids, manager);
  }

  /** Support agents and admins with their chat status (offline when never set). */
  async listChatStaff(manager?: EntityManager): Promise<User[]> {
    const staff = await this.users.findChatStaff(manager);
    for (const user of staff) user.chatStatus ??= ChatStatus.Offline;
    return staff;
  }

  async getMe(auth: AuthContext): Promise<UserResponse> {
    return toUserResponse(await this.requireUser(auth.userId));
  }

  async getProfile(auth: AuthContext): Promise<ProfileResponse> {
    return toProfileResponse(await this.requireUser(auth.userId));
  }

  async updateProfile(auth: AuthContext, dto: UpdateProfileDto, meta: RequestMeta): Promise<ProfileResponse> {
    const changed = Object.keys(dto).filter((key) => dto[key as keyof UpdateProfileDto] !== undefined);
    await this.dataSource.transaction(async (manager) => {
      const user = await this.users.findById(auth.userId, manager);
      if (!user) throw new UserException(UserErrorCode.NotFound, 'User not found');
      if (changed.length === 0) return;
      await this.users.update(user.id, dto, manager);
      await this.activity.record(user.id, ActivityType.ProfileUpdated, meta, { fields: changed.join(', ') }, manager);
    });
    return this.getProfile(auth);
  }

  async getChatStatus(auth: AuthContext): Promise<ChatStatusResponse> {
    const user = await this.requireUser(auth.userId);
    return { status: user.chatStatus ?? ChatStatus.Offline };
  }

  async updateChatStatus(auth: AuthContext, dto: UpdateChatStatusDto, meta: RequestMeta): Promise<ChatStatusResponse> {
    await this.dataSource.transaction(async (manager) => {
      await this.users.update(auth.userId, { chatStatus: dto.status }, manager);
      await this.activity.record(auth.userId, ActivityType.ChatStatusChanged, meta, { status: dto.status }, manager);
    });
    return { status: dto.status };
  }
}
