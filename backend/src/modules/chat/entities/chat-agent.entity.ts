import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One row per agent who has answered chats: the row assignment locks (`SELECT ... FOR UPDATE`)
 * before counting the agent's active chats, so that two instances assigning at once cannot give
 * the agent more than its capacity.
 */
@Entity('chat_agents')
export class ChatAgent {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  agentId: string;

  /** Ties between equally loaded agents go to the one who waited longest for a chat. */
  @Column({ type: 'datetime', precision: 3, nullable: true })
  lastAssignedAt: Date | null;
}
