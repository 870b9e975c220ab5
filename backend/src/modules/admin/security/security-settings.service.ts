import { Injectable } from '@nestjs/common';
import { AuthContext } from '@app/common/auth/auth-context';
import { RequestMeta } from '@app/common/http/request-meta';
import { AuditService } from '@app/modules/audit/audit.service';
import { SessionsService } from '@app/modules/auth/sessions/sessions.service';
import { SettingKey, SettingValue } from '@app/modules/settings/settings.registry';
import { SettingsService } from '@app/modules/settings/settings.service';
import {
  SECURITY_SETTINGS,
  SecuritySettingField,
  SecuritySettingsResponse,
  UpdateSecuritySettingsDto,
} from './security-settings.dto';

const FIELDS = Object.keys(SECURITY_SETTINGS) as SecuritySettingField[];

/**
 * The platform's security settings, stored in the settings registry. Every reader (password
 * policy, login throttle, sessions, sign-in) reads them from the database on each use, so a
 * change applies to the next request on every instance without a restart. The one exception is
 * the per-request session check, which keeps what it read for under a second: a change empties
 * that cache on every instance before it is answered, so a shorter idle timeout or lifetime ends
 * existing sessions at their next request. Each change is audited with its old and new value.
 */
@Injectable()
export class SecuritySettingsService {
  constructor(
    private readonly settings: SettingsService,
    private readonly audit: AuditService,
    private readonly sessions: SessionsService,
  ) {}

  async get(): Promise<SecuritySettingsResponse> {
    const values = await this.settings.getMany(FIELDS.map((field) => SECURITY_SETTINGS[field].key));
    return Object.fromEntries(
      FIELDS.map((field) => [field, values[SECURITY_SETTINGS[field].key]]),
    ) as unknown as SecuritySettingsResponse;
  }

  async update(
    auth: AuthContext,
    dto: UpdateSecuritySettingsDto,
    meta: RequestMeta,
  ): Promise<SecuritySettingsResponse> {
    const before = await this.get();
    // Every change and its audit entry in one transaction: all of them, or none.
    await this.settings.transaction(async (manager) => {
      for (const field of FIELDS) {
        const value = dto[field];
        if (value === undefined || value === before[field]) continue;
        const key: SettingKey = SECURITY_SETTINGS[field].key;
        await this.settings.set(key, value as SettingValue<typeof key>, auth.userId, manager);
        await this.audit.record(
          auth,
          {
            action: 'admin.security_setting.update',
            subjectType: 'setting',
            subjectId: key.slice(0, 36),
            metadata: { setting: field, oldValue: before[field], newValue: value },
            ip: meta.ip,
          },
          manager,
        );
      }
    });
    await this.sessions.forgetCachedSessions();
    return this.get();
  }
}
