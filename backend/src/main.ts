import 'reflect-metadata';
import { createApp, listen } from './bootstrap';
import { AppConfig } from './config/app-config';
import { ConfigurationError } from './config/environment';
import { DatabaseMigrator } from './database/database.module';

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
  // Loaded only when wanted (never in production, where AppConfig refuses DEMO_DATA=true).
  const demo = config.demoData ? await import('./demo/demo-seeder') : null;
  if (demo) await app.get(demo.DemoSeeder).seedIfEmpty();
  const url = await listen(app, config);
  printBanner(url, config, demo?.DEMO_LOGINS ?? []);
}

function printBanner(
  url: string,
  config: AppConfig,
  demoLogins: readonly { label: string; email: string; password: string }[],
): void {
  const lines = [
    '',
    '  Childminder Connect is running',
    `  Open ${url}`,
    `  API docs ${url}/api/docs`,
    `  Database: ${config.database.type === 'sqlite' ? config.database.path : 'MySQL/MariaDB'}`,
  ];
  if (demoLogins.length > 0) {
    lines.push('', '  Demo logins (demo mode only):');
    for (const account of demoLogins) {
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
