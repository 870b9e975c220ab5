import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, Like } from 'typeorm';
import { PersonalDataRegistry } from '@app/modules/privacy/personal-data.registry';
import { redactColumns } from '@app/modules/privacy/redact';
import { RealtimeEventRow } from './entities/realtime-event.entity';
import { RealtimeTicket } from './entities/realtime-ticket.entity';

/** The replay store: short-lived copies of events, deleted for and about the user, scrubbed for others. */
@Injectable()
export class RealtimePersonalData implements OnModuleInit {
  constructor(
    private readonly registry: PersonalDataRegistry,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      section: 'liveEvents',
      export: async (userId) =>
        (await this.dataSource.getRepository(RealtimeEventRow).find({ where: { userId }, order: { id: 'ASC' } })).map(
          ({ type, payload, createdAt }) => ({ type, payload, createdAt }),
        ),
      erase: async (subject, manager) => {
        const events = manager.getRepository(RealtimeEventRow);
        await events.delete({ userId: subject.userId });
        // Others' copies of what the user did (a message they sent) carry their id: gone too.
        await events.delete({ payload: Like(`%${subject.userId}%`) });
        await manager.getRepository(RealtimeTicket).delete({ userId: subject.userId });
        await redactColumns(manager, RealtimeEventRow, ['payload'], subject);
      },
    });
  }
}
