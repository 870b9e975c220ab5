import { Injectable } from '@nestjs/common';
import { Role } from '@app/common/auth/role';
import { DemoData, DemoDataSeeder, DemoSeedContext } from '@app/demo/demo-data';
import { ReplyAuthorSide } from '@app/modules/support/entities/support-ticket-reply.entity';
import { TicketCategory, TicketPriority, TicketStatus } from '@app/modules/support/entities/support-ticket.entity';
import { ImportedTicket, SupportService } from '@app/modules/support/support.service';
import { User } from '@app/modules/users/entities/user.entity';
import { UsersService } from '@app/modules/users/users.service';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Tickets in every state so that the demo support agent's console has work in it: the demo
 * parent's and childminder's own tickets (their Help pages show them), a visitor's contact form
 * message, an urgent safeguarding concern, internal notes, and a few weeks of settled tickets
 * that give the stats page its medians and daily series.
 */
@Injectable()
@DemoData(90)
export class SupportDemoSeeder implements DemoDataSeeder {
  constructor(
    private readonly support: SupportService,
    private readonly users: UsersService,
  ) {}

  async seed({ manager, users }: DemoSeedContext): Promise<void> {
    const ids = [users[Role.Parent], users[Role.Childminder], users[Role.SupportAgent]].filter(
      (id): id is string => !!id,
    );
    const people = await this.users.findByIds(ids, manager);
    const parent = people.get(users[Role.Parent] ?? '');
    const minder = people.get(users[Role.Childminder] ?? '');
    const agent = people.get(users[Role.SupportAgent] ?? '');
    if (!parent || !minder || !agent) return;
    const now = Date.now();
    for (const ticket of demoTickets(parent, minder, agent, now)) await this.support.importTicket(ticket, manager);
  }
}

function demoTickets(parent: User, minder: User, agent: User, now: number): ImportedTicket[] {
  const at = (ago: number) => new Date(now - ago);
  const agentReply = (body: string, ago: number) => ({ side: ReplyAuthorSide.Agent, author: agent, body, at: at(ago) });
  const note = (body: string, ago: number) => ({ ...agentReply(body, ago), internal: true });
  const fromUser = (user: User, body: string, ago: number) => ({
    side: ReplyAuthorSide.Requester,
    author: user,
    body,
    at: at(ago),
  });
  const tickets: ImportedTicket[] = [
    {
      requester: { user: parent },
      subject: 'Booking request still pending after three days',
      body: 'I asked Claire for Tuesday and Thursday mornings on Friday and the request still says pending. Is something wrong?',
      category: TicketCategory.Booking,
      status: TicketStatus.Open,
      createdAt: at(5 * HOUR),
    },
    {
      requester: { user: parent },
      subject: 'Charged twice for Plus this month',
      body: 'My bank statement shows two payments of £4.99 for the Plus plan on the 1st. Could you refund one?',
      category: TicketCategory.Payment,
      priority: TicketPriority.High,
      status: TicketStatus.Pending,
      assigneeId: agent.id,
      tags: ['billing', 'refund'],
      createdAt: at(2 * DAY),
      replies: [
        note('Stripe shows one payment and one pending authorisation that will drop off.', 2 * DAY - 2 * HOUR),
        agentReply(
          'Sorry about the worry. One of the two is a pending authorisation that your bank will release within 5 working days. Could you confirm once it has gone?',
          2 * DAY - 3 * HOUR,
        ),
      ],
    },
    {
      requester: { user: minder },
      subject: 'How do I renew my DBS certificate on my profile?',
      body: 'My enhanced DBS was renewed last week. Where do I upload the new certificate so that my badge stays green?',
      category: TicketCategory.Account,
      status: TicketStatus.Resolved,
      assigneeId: agent.id,
      createdAt: at(4 * DAY),
      replies: [
        agentReply(
          'Go to Documents, choose "Upload" and pick "DBS check". We review new documents within one working day.',
          4 * DAY - 90 * 60_000,
        ),
        fromUser(minder, 'Done, thank you!', 3 * DAY),
      ],
      settledAt: at(3 * DAY - HOUR),
    },
    {
      requester: { user: minder },
      subject: 'Calendar shows the wrong week',
      body: 'The calendar jumped to the week after next when I clicked Today on my phone.',
      category: TicketCategory.Technical,
      status: TicketStatus.Closed,
      assigneeId: agent.id,
      tags: ['calendar', 'mobile'],
      createdAt: at(12 * DAY),
      replies: [agentReply('Thanks: this was fixed in the update of last Monday.', 11 * DAY)],
      settledAt: at(10 * DAY),
    },
    {
      requester: { name: 'Hannah Price', email: 'hannah.price@example.com' },
      subject: 'Do you cover childminders in Cardiff?',
      body: 'I am moving to Cardiff in January. Are there childminders listed there and do Welsh registrations count?',
      category: TicketCategory.Other,
      status: TicketStatus.Open,
      createdAt: at(26 * HOUR),
    },
    {
      requester: { user: parent },
      subject: 'Worried about a comment in a review',
      body: 'A review of a childminder near me mentions children being left alone in the garden. I think someone should look at it.',
      category: TicketCategory.Safeguarding,
      status: TicketStatus.Pending,
      assigneeId: agent.id,
      tags: ['safeguarding'],
      createdAt: at(3 * HOUR),
      replies: [
        note('Escalated to the admin on call; review hidden while we check.', 2 * HOUR),
        agentReply(
          'Thank you for telling us. We have hidden the review while our safeguarding lead looks into it today.',
          2 * HOUR - 10 * 60_000,
        ),
      ],
    },
  ];
  // A few weeks of settled tickets for the stats page.
  const topics: [string, TicketCategory][] = [
    ['Cannot reset my password', TicketCategory.Account],
    ['Invoice for last month', TicketCategory.Payment],
    ['Change a booking end date', TicketCategory.Booking],
    ['Photos do not upload', TicketCategory.Technical],
  ];
  for (let day = 20; day >= 1; day -= 2) {
    const [subject, category] = topics[day % topics.length]!;
    const created = day * DAY + 4 * HOUR;
    tickets.push({
      requester: { name: `Visitor ${day}`, email: `visitor.${day}@example.com` },
      subject,
      body: `${subject}: please help.`,
      category,
      status: TicketStatus.Closed,
      assigneeId: agent.id,
      createdAt: at(created),
      replies: [agentReply('Here is how to do it: see the steps in the Help page.', created - (1 + (day % 5)) * HOUR)],
      settledAt: at(created - (6 + day) * HOUR),
    });
  }
  return tickets;
}
