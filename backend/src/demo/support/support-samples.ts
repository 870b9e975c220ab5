import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthContext } from '@app/common/auth/auth-context';
import { Page, PageQuery } from '@app/common/pagination/page';
import { AppConfig } from '@app/config/app-config';
import { TicketFilterQuery } from '@app/modules/support/dto/ticket.dto';
import { TicketResponse } from '@app/modules/support/dto/ticket.response';
import { ReplyAuthorSide } from '@app/modules/support/entities/support-ticket-reply.entity';
import { TicketCategory, TicketStatus } from '@app/modules/support/entities/support-ticket.entity';
import { SupportErrorCode, SupportException } from '@app/modules/support/support.exception';
import { SupportService } from '@app/modules/support/support.service';
import { User } from '@app/modules/users/entities/user.entity';
import { UsersService } from '@app/modules/users/users.service';

const HOUR = 3_600_000;

/** Sample tickets, one per state, for trying the console (GET /api/test-tickets). Never in production. */
@Injectable()
export class SupportSamples {
  constructor(
    private readonly support: SupportService,
    private readonly users: UsersService,
    private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async create(auth: AuthContext, query: PageQuery): Promise<Page<TicketResponse>> {
    if (this.config.nodeEnv === 'production') throw new SupportException(SupportErrorCode.NotAvailable, 'Not found');
    const agent = await this.users.requireUser(auth.userId);
    await this.dataSource.transaction((manager) => this.write(manager, agent, new Date()));
    return this.support.staffList(
      auth,
      Object.assign(new TicketFilterQuery(), { page: query.page, pageSize: query.pageSize }),
    );
  }

  private async write(manager: EntityManager, agent: User, now: Date): Promise<void> {
    for (const [index, status] of Object.values(TicketStatus).entries()) {
      const createdAt = new Date(now.getTime() - (index + 1) * 5 * HOUR);
      await this.support.importTicket(
        {
          requester: { name: 'Sample Visitor', email: `sample.visitor+${index}@example.com` },
          subject: `Sample ${status} ticket: I cannot update my details`,
          body: 'A sample ticket for trying the support console. Nobody real is waiting for it.',
          category: TicketCategory.Technical,
          status,
          assigneeId: status === TicketStatus.Open ? null : agent.id,
          tags: ['sample'],
          createdAt,
          replies:
            status === TicketStatus.Open
              ? []
              : [
                  {
                    side: ReplyAuthorSide.Agent,
                    author: agent,
                    body: 'Thanks for getting in touch: this is a sample reply.',
                    at: new Date(createdAt.getTime() + HOUR),
                  },
                ],
        },
        manager,
      );
    }
  }
}
