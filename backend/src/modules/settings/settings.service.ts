import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { SystemSetting } from './entities/system-setting.entity';
import { SETTING_DEFAULTS, SettingKey, SettingValue } from './settings.registry';

@Injectable()
export class SettingsService {
  constructor(@InjectRepository(SystemSetting) private readonly settings: Repository<SystemSetting>) {}

  async get<K extends SettingKey>(key: K, manager?: EntityManager): Promise<SettingValue<K>> {
    const repository = manager ? manager.getRepository(SystemSetting) : this.settings;
    const row = await repository.findOne({ where: { key } });
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
    value: NonNullable<SettingValue<K>>,
    updatedBy: string | null,
    manager?: EntityManager,
  ): Promise<void> {
    // One statement, so two first writes of the same key cannot race into a duplicate key.
    const repository = manager ? manager.getRepository(SystemSetting) : this.settings;
    await repository.upsert({ key, value, updatedBy }, ['key']);
  }

  /**
   * Writes `next` only if the stored value is still `expected` (read earlier with `get`), in one
   * conditional statement, so a change written meanwhile by someone else is never overwritten.
   * A `next` of null removes the row (for keys whose default is null). Returns the value stored
   * afterwards.
   */
  async replaceIf<K extends SettingKey>(
    key: K,
    expected: SettingValue<K>,
    next: SettingValue<K> | null,
  ): Promise<SettingValue<K>> {
    const query = this.settings.createQueryBuilder();
    const change =
      next === null ? query.delete().from(SystemSetting) : query.update(SystemSetting).set({ value: next });
    await change
      .where({ key })
      .andWhere(`${query.escape('value')} = :expected`, { expected: JSON.stringify(expected) })
      .execute();
    return this.get(key);
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.settings.manager.transaction(work);
  }
}
