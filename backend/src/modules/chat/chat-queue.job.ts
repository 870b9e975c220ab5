import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { JobRegistry } from '@app/modules/jobs/job-registry';
import { ChatAssignment } from './chat-assignment.service';

export const CHAT_QUEUE_JOB = 'chat-queue';
const EVERY_MS = 60_000;
const LEASE_MS = 2 * 60_000;

/**
 * Every minute, on one instance: hands out waiting chats to available agents. Chats are handed
 * out the moment something changes (a new chat, an agent online, a chat closed); this catches
 * the rare one left behind, e.g. when a request that would have handed it out failed midway.
 */
@Injectable()
export class ChatQueueJob implements OnModuleInit {
  private readonly logger = new Logger(ChatQueueJob.name);

  constructor(
    private readonly registry: JobRegistry,
    private readonly assignment: ChatAssignment,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      name: CHAT_QUEUE_JOB,
      description: 'Hands waiting live chats to available support agents, oldest first, under their capacity.',
      schedule: 'Every minute',
      leaseMs: LEASE_MS,
      work: async () => ({ assigned: await this.assignment.drainQueue() }),
    });
  }

  @Interval(CHAT_QUEUE_JOB, EVERY_MS)
  async tick(): Promise<void> {
    try {
      await this.registry.run(CHAT_QUEUE_JOB);
    } catch (error) {
      this.logger.error({ err: error }, 'Chat queue job failed');
    }
  }
}
