import { Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthContext } from '@app/common/auth/auth-context';
import { Auth, Authenticated, Public } from '@app/common/auth/decorators';
import { SseQuery, SseTicketResponse } from '../dto/sse.query';
import { SseHub } from './sse-hub';
import { SseTicketsService } from './sse-tickets.service';

@ApiTags('Real time')
@Controller('messages/sse')
export class SseController {
  constructor(
    private readonly hub: SseHub,
    private readonly tickets: SseTicketsService,
  ) {}

  @Post('ticket')
  @Authenticated()
  @ApiOperation({ summary: 'A single-use ticket, valid 60 seconds, that opens one event stream' })
  @ApiCreatedResponse({ type: SseTicketResponse })
  issueTicket(@Auth() auth: AuthContext) {
    return this.tickets.issue(auth);
  }

  /**
   * Authenticated by the ticket, not a header (EventSource cannot send one): @Public lets it past
   * the global guard and SseHub.open refuses a bad ticket with 401 SSE_TICKET_INVALID.
   */
  @Get()
  @Public()
  @ApiOperation({
    summary: 'My live events (message.created, conversation.read, notification.created) as Server-Sent Events',
    description:
      'Each event has an `id`; reconnect with a new ticket and `Last-Event-ID` (header or `lastEventId`) to receive the events missed (kept 24 hours). A `: heartbeat` comment is sent every 25 seconds.',
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'An event stream that stays open' })
  @ApiUnauthorizedResponse({ description: 'The ticket is missing, expired or already used' })
  stream(@Query() query: SseQuery, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.hub.open(query, request, reply);
  }
}
