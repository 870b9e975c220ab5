import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AuthModule } from '@app/modules/auth/auth.module';
import { DemoAccountsController } from './demo-accounts.controller';
import { DemoAccountsSeeder } from './demo-accounts.seeder';
import { DemoSeeder } from './demo-seeder';

@Module({
  imports: [DiscoveryModule, AuthModule],
  controllers: [DemoAccountsController],
  providers: [DemoSeeder, DemoAccountsSeeder],
  exports: [DemoSeeder],
})
export class DemoSeedModule {}
