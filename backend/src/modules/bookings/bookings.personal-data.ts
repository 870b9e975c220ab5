import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PersonalDataRegistry } from '@app/modules/privacy/personal-data.registry';
import { Booking } from './entities/booking.entity';

/**
 * Bookings are records the law asks to keep (what care was bought, when, for how much): they
 * stay, pointing at the anonymised account, with their free text (notes, reasons) removed.
 */
@Injectable()
export class BookingsPersonalData implements OnModuleInit {
  constructor(
    private readonly registry: PersonalDataRegistry,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      section: 'bookings',
      export: async (userId) =>
        (
          await this.dataSource.getRepository(Booking).find({
            where: [{ parentId: userId }, { childminderId: userId }],
            order: { startsAt: 'ASC' },
          })
        ).map(
          ({
            id,
            parentId,
            childminderId,
            profileId,
            status,
            startsAt,
            endsAt,
            weeks,
            notes,
            hourlyRatePence,
            priceEstimatePence,
            statusReason,
            createdAt,
          }) => ({
            id,
            role: parentId === userId ? 'parent' : 'childminder',
            profileId,
            childminderId,
            status,
            startsAt,
            endsAt,
            weeks,
            notes,
            hourlyRatePence,
            priceEstimatePence,
            statusReason,
            createdAt,
          }),
        ),
      erase: async (subject, manager) => {
        const bookings = manager.getRepository(Booking);
        for (const side of ['parentId', 'childminderId'] as const) {
          await bookings.update({ [side]: subject.userId }, { notes: null, statusReason: null });
        }
      },
    });
  }
}
