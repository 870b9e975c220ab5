import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthContext } from '@app/common/auth/auth-context';
import { RequestMeta } from '@app/common/http/request-meta';
import { ChatStatusResponse, UpdateChatStatusDto } from '@app/modules/users/dto/chat-status.dto';
import { ChatStatus } from '@app/modules/users/entities/user.entity';
import { UsersService } from '@app/modules/users/users.service';
import { ChatAssignment } from './chat-assignment.service';
import { ChatRepository } from './chat.repository';
import { UpdateCannedRepliesDto } from './dto/chat-requests.dto';
import { CannedRepliesResponse, ChatAgentsResponse } from './dto/chat.response';

/** The people who answer chats: their status (and what it does to the queue), load and canned replies. */
@Injectable()
export class ChatAgentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly chats: ChatRepository,
    private readonly users: UsersService,
    private readonly assignment: ChatAssignment,
  ) {}

  getStatus(auth: AuthContext): Promise<ChatStatusResponse> {
    return this.users.getChatStatus(auth);
  }

  /**
   * Sets the caller's status. Coming online (available) hands them the oldest waiting chats up
   * to their capacity; going offline puts their open chats back in the queue for others.
   */
  async setStatus(auth: AuthContext, dto: UpdateChatStatusDto, meta: RequestMeta): Promise<ChatStatusResponse> {
    const response = await this.users.updateChatStatus(auth, dto, meta);
    if (dto.status === ChatStatus.Offline) await this.assignment.releaseAgent(auth.userId);
    if (dto.status === ChatStatus.Available) {
      await this.chats.ensureAgent(auth.userId);
      await this.assignment.drainQueue();
    }
    return response;
  }

  async list(): Promise<ChatAgentsResponse> {
    const [staff, capacity] = await Promise.all([this.users.listChatStaff(), this.assignment.capacity()]);
    const counts = await this.chats.activeCounts(staff.map((user) => user.id));
    return {
      capacity,
      items: staff.map((user) => {
        const activeChats = counts.get(user.id) ?? 0;
        const status = user.chatStatus ?? ChatStatus.Offline;
        return {
          id: user.id,
          name: user.displayName,
          role: user.role,
          status,
          activeChats,
          canTakeTransfer: status !== ChatStatus.Offline && activeChats < capacity,
        };
      }),
    };
  }

  async cannedReplies(): Promise<CannedRepliesResponse> {
    const replies = await this.chats.cannedReplies();
    return { items: replies.map(({ id, title, text }) => ({ id, title, text })) };
  }

  async replaceCannedReplies(dto: UpdateCannedRepliesDto): Promise<CannedRepliesResponse> {
    await this.dataSource.transaction((manager) => this.chats.replaceCannedReplies(dto.replies, manager));
    return this.cannedReplies();
  }
}
