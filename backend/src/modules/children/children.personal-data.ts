import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PersonalDataRegistry } from '@app/modules/privacy/personal-data.registry';
import { Child } from './entities/child.entity';

/** A parent's children: deleted (a booking keeps its times and price, not who the children were). */
@Injectable()
export class ChildrenPersonalData implements OnModuleInit {
  constructor(
    private readonly registry: PersonalDataRegistry,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  private find(parentId: string): Promise<Child[]> {
    return this.dataSource.getRepository(Child).find({ where: { parentId }, order: { createdAt: 'ASC' } });
  }

  onModuleInit(): void {
    this.registry.register({
      section: 'children',
      identify: async (userId) => ({ related: (await this.find(userId)).map((child) => child.firstName) }),
      export: async (userId) =>
        (await this.find(userId)).map(
          ({ id, firstName, dateOfBirth, specialNeeds, allergies, medicalNotes, createdAt }) => ({
            id,
            firstName,
            dateOfBirth,
            specialNeeds,
            allergies,
            medicalNotes,
            createdAt,
          }),
        ),
      erase: async ({ userId }, manager) => {
        await manager.getRepository(Child).delete({ parentId: userId });
      },
    });
  }
}
