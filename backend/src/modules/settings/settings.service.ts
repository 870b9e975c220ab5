import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { SystemSetting } from './entities/system-setting.entity';
import { SETTING_DEFAULTS, SettingKey, SettingValue } from './settings.registry';

@Injectable()
export class SettingsService {
  constructor(@InjectRepository(SystemSetting) private readonly settings: Repository<SystemSetting>) {}

  async get<K extends SettingKey>(key: K): Promise<SettingValue<K>> {
    const row = await this.settings.findOne({ where: { key } });
    return (row ? row.value : SETTING_DEFAULTS[key]) as SettingValue<K>;
  }

  async getMany<K extends SettingKey>(keys: K[]): Promise<{ [P in K]: SettingValue<P> }> {
    const rows = await this.settings.find({ where: { key: In(keys) } });
    const stored = new Map(rows.map((r) => [r.key, r.value]));
    return Object.fromEntries(keys.map((key) => [key, stored.has(key) ? stored.get(key) : SETTING_DEFAULTS[key]])) as {
      [P in K]: SettingValue<P>;
    };
  }

  async set<K extends SettingKey>(key: K, value: SettingValue<K>, updatedBy: string | null): Promise<void> {
    // One statement, so two first writes of the same key cannot race into a duplicate key.
    await this.settings.upsert({ key, value, updatedBy }, ['key']);
  }
}
