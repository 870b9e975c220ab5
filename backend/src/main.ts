import 'reflect-metadata';
import { createApp, listen } from './bootstrap';
import { AppConfig } from './config/app-config';
import { ConfigurationError } from './config/environment';
import { DatabaseMigrator } from './database/database.module';
import { DEMO_ACCOUNTS } from './database/seed/demo-data';
import { DemoSeeder } from './database/seed/demo-seeder';

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = AppConfig.fromEnvironment();
  } catch (error) {
    if (error instanceof ConfigurationError) {
      console.error(`Childminder Connect cannot start.\n${error.message}\nSee .env.example for every variable.`);
      process.exit(1);
    }
    throw error;
  }
  const app = await createApp(config);
  if (config.migrateOnStart) await app.get(DatabaseMigrator).migrate();
  if (config.demoData) await app.get(DemoSeeder).seedIfEmpty();
  const url = await listen(app, config);
  printBanner(url, config);
}

function printBanner(url: string, config: AppConfig): void {
  const lines = [
    '',
    '  Childminder Connect is running',
    `  Open ${url}`,
    `  API docs ${url}/api/docs`,
    `  Database: ${config.database.type === 'sqlite' ? config.database.path : 'MySQL/MariaDB'}`,
  ];
  if (config.demoData) {
    lines.push('', '  Demo logins (demo mode only):');
    for (const account of DEMO_ACCOUNTS) {
      lines.push(`    ${account.label.padEnd(14)} ${account.email.padEnd(32)} ${account.password}`);
    }
  }
  lines.push('');
  console.log(lines.join('\n'));
}

main().catch((error: unknown) => {
  console.error('Childminder Connect failed to start:', error);
  process.exit(1);
});
