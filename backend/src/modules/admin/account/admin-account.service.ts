import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { AuthContext } from '@app/common/auth/auth-context';
import { RequestMeta } from '@app/common/http/request-meta';
import { SettingsService } from '@app/modules/settings/settings.service';
import { ProfileResponse } from '@app/modules/users/dto/user.response';
import { UpdateProfileDto } from '@app/modules/users/dto/update-profile.dto';
import { UsersService } from '@app/modules/users/users.service';
import { AdminPreferences } from '../entities/admin-preferences.entity';
import { AdminSettingsResponse, UpdateAdminSettingsDto } from './admin-account.dto';
import { ADMIN_EVENTS, AdminEvent } from './admin-events';

type Choices = AdminPreferences['notifications'];

/** An admin's own settings (which admin events reach them, and how) and profile. */
@Injectable()
export class AdminAccountService {
  constructor(
    @InjectRepository(AdminPreferences) private readonly preferences: Repository<AdminPreferences>,
    private readonly users: UsersService,
    private readonly settings: SettingsService,
  ) {}

  async getSettings(auth: AuthContext): Promise<AdminSettingsResponse> {
    const user = await this.users.requireUser(auth.userId);
    const row = await this.preferences.findOneBy({ userId: auth.userId });
    const choices = effective(row?.notifications ?? {});
    return {
      notifications: ADMIN_EVENTS.map(({ event, label }) => ({ event, label, ...choices[event]! })),
      twoFactorEnabled: user.twoFactorEnabled,
      twoFactorRequired: await this.settings.get('auth.adminsRequireTwoFactor'),
    };
  }

  async updateSettings(auth: AuthContext, dto: UpdateAdminSettingsDto): Promise<AdminSettingsResponse> {
    const row = await this.preferences.findOneBy({ userId: auth.userId });
    const notifications: Choices = { ...(row?.notifications ?? {}) };
    for (const choice of dto.notifications) notifications[choice.event] = { email: choice.email, inApp: choice.inApp };
    await this.preferences.upsert({ userId: auth.userId, notifications }, ['userId']);
    return this.getSettings(auth);
  }

  /** Which of `adminIds` want `event` on `channel` (for the modules that raise admin events). */
  async recipientsOf(event: AdminEvent, channel: 'email' | 'inApp', adminIds: string[]): Promise<string[]> {
    if (adminIds.length === 0) return [];
    const rows = await this.preferences.findBy({ userId: In(adminIds) });
    const stored = new Map(rows.map((row) => [row.userId, row.notifications]));
    return adminIds.filter((id) => effective(stored.get(id) ?? {})[event]![channel]);
  }

  getProfile(auth: AuthContext): Promise<ProfileResponse> {
    return this.users.getProfile(auth);
  }

  updateProfile(auth: AuthContext, dto: UpdateProfileDto, meta: RequestMeta): Promise<ProfileResponse> {
    return this.users.updateProfile(auth, dto, meta);
  }
}

/** Stored choices over the defaults; choices about retired events are ignored. */
function effective(stored: Choices): Choices {
  return Object.fromEntries(
    ADMIN_EVENTS.map(({ event, defaults }) => [event, { ...defaults, ...(stored[event] ?? {}) }]),
  );
}
