import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** The one question health asks of the database: does it answer? */
@Injectable()
export class HealthRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Resolves when the database answers a trivial query; rejects when it does not. */
  async ping(): Promise<void> {
    await this.dataSource.query('SELECT 1');
  }
}
