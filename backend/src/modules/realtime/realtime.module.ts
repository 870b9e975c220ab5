import { Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@app/config/app-config';
import { JWT_ALGORITHM, JWT_ISSUER } from '@app/modules/auth/access-tokens.service';
import { AuthModule } from '@app/modules/auth/auth.module';
import { RealtimeEventRow } from './entities/realtime-event.entity';
import { RealtimeTicket } from './entities/realtime-ticket.entity';
import { PresenceService } from './presence.service';
import { RealtimePruneJob } from './realtime-prune.job';
import { RealtimeEventsRepository } from './realtime-events.repository';
import { RealtimeRedis } from './realtime-redis';
import { RealtimeService } from './realtime.service';
import { RealtimeGateway } from './socket/realtime.gateway';
import { SocketAuthenticator } from './socket/socket-authenticator';
import { SseController } from './sse/sse.controller';
import { SessionWatch } from './session-watch';
import { SseHub } from './sse/sse-hub';
import { SseTicketsService } from './sse/sse-tickets.service';
import { RealtimePersonalData } from './realtime.personal-data';

/**
 * Delivery of domain events to users, on one instance or many: SSE streams (ticket-authenticated,
 * replay by Last-Event-ID; across instances by Redis pub/sub) and the socket.io gateway (across
 * instances by @socket.io/redis-adapter), both caught up from the event store after a Redis outage. Other modules inject RealtimeService and
 * call `publish`, and ask PresenceService who is online.
 */
@Global()
@Module({
  imports: [
    TypeOrmModule.forFeature([RealtimeEventRow, RealtimeTicket]),
    AuthModule,
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        secret: config.auth.jwtSecret,
        verifyOptions: { algorithms: [JWT_ALGORITHM], issuer: JWT_ISSUER },
      }),
    }),
  ],
  controllers: [SseController],
  providers: [
    RealtimePersonalData,
    RealtimeEventsRepository,
    RealtimeRedis,
    RealtimeService,
    PresenceService,
    SseTicketsService,
    SseHub,
    SessionWatch,
    SocketAuthenticator,
    RealtimeGateway,
    RealtimePruneJob,
  ],
  exports: [RealtimeService, PresenceService],
})
export class RealtimeModule {}
