import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { SupportDemoSeeder } from '@app/demo/support/support-demo.seeder';
import { SupportSamples } from '@app/demo/support/support-samples';
import { TestTicketsController } from '@app/demo/support/test-tickets.controller';
import { AuthModule } from '@app/modules/auth/auth.module';
import { SupportModule } from '@app/modules/support/support.module';
import { UsersModule } from '@app/modules/users/users.module';
import { DemoAccountsController } from './demo-accounts.controller';
import { DemoAccountsSeeder } from './demo-accounts.seeder';
import { DemoSeeder } from './demo-seeder';

@Module({
  imports: [DiscoveryModule, AuthModule, SupportModule, UsersModule],
  controllers: [DemoAccountsController, TestTicketsController],
  providers: [DemoSeeder, DemoAccountsSeeder, SupportDemoSeeder, SupportSamples],
  exports: [DemoSeeder],
})
export class DemoSeedModule {}
