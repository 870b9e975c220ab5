import { SetMetadata } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Role } from '@app/common/auth/role';

export const DEMO_DATA_METADATA = 'childminder-connect:demo-data';

/** The demo accounts every demo database has; later seeders hang their data off these users. */
export const DEMO_ACCOUNTS: {
  role: Role;
  label: string;
  email: string;
  password: string;
  firstName: string;
  lastName: string;
}[] = [
  {
    role: Role.Parent,
    label: 'Parent',
    email: 'parent.demo@example.com',
    password: 'Demo-Parent-2026',
    firstName: 'Priya',
    lastName: 'Shah',
  },
  {
    role: Role.Childminder,
    label: 'Childminder',
    email: 'childminder.demo@example.com',
    password: 'Demo-Minder-2026',
    firstName: 'Claire',
    lastName: 'Hughes',
  },
  {
    role: Role.SupportAgent,
    label: 'Support agent',
    email: 'support.demo@example.com',
    password: 'Demo-Support-2026',
    firstName: 'Sam',
    lastName: 'Okafor',
  },
  {
    role: Role.Admin,
    label: 'Admin',
    email: 'admin.demo@example.com',
    password: 'Demo-Admin-2026',
    firstName: 'Alex',
    lastName: 'Morgan',
  },
  {
    role: Role.SuperAdmin,
    label: 'Super admin',
    email: 'superadmin.demo@example.com',
    password: 'Demo-Super-2026',
    firstName: 'Jo',
    lastName: 'Reid',
  },
];

export interface DemoSeedContext {
  manager: EntityManager;
  /** Demo user ids by role, created by the accounts seeder (order 0). */
  users: Partial<Record<Role, string>>;
}

/**
 * A module's contribution to the demo database. Mark the provider with @DemoData(order):
 * seeders run in ascending order inside one transaction on the first start of an empty database.
 */
export interface DemoDataSeeder {
  seed(context: DemoSeedContext): Promise<void>;
}

export const DemoData = (order: number) => SetMetadata(DEMO_DATA_METADATA, order);
