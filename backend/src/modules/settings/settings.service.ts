import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
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

  /** With `manager`, in the caller's transaction (a change and its audit entry commit together). */
  async set<K extends SettingKey>(
    key: K,
    value: SettingValue<K>,
    updatedBy: string | null,
    manager?: EntityManager,
  ): Promise<void> {
    // One statement, so two first writes of the same key cannot race into a duplicate key.
    const repository = manager ? manager.getRepository(SystemSetting) : this.settings;
    await repository.upsert({ key, value, updatedBy }, ['key']);
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.settings.manager.transaction(work);
  }
}
