import { Role } from '@app/common/auth/role';
import { PageQuery } from '@app/common/pagination/page';
import { AppConfig } from '@app/config/app-config';
import { SupportService } from '@app/modules/support/support.service';
import { UsersService } from '@app/modules/users/users.service';
import { DataSource } from 'typeorm';
import { SupportSamples } from './support-samples';

describe(SupportSamples.name, () => {
  describe('create', () => {
    it('answers 404 in production and writes nothing', async () => {
      const transaction = jest.fn();
      const samples = new SupportSamples(
        {} as SupportService,
        { requireUser: jest.fn() } as unknown as UsersService,
        { nodeEnv: 'production' } as AppConfig,
        { transaction } as unknown as DataSource,
      );
      const auth = { userId: 'admin', role: Role.Admin, sessionId: 's', email: 'a@example.com' };
      await expect(samples.create(auth, new PageQuery())).rejects.toMatchObject({
        status: 404,
        code: 'TICKET_TEST_ROUTE_NOT_AVAILABLE',
      });
      expect(transaction).not.toHaveBeenCalled();
    });
  });
});
