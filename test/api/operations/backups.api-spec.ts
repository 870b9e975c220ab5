import { startTestApp } from '../../support/test-app';
import { backupRestoreStory } from './backup-story';

jest.setTimeout(120_000);

describe('Backups on MariaDB: back up, change, restore gives identical rows and files; a damaged archive changes nothing', () => {
  backupRestoreStory(() => startTestApp());
});

describe('Backups on the embedded SQLite database: the same story', () => {
  backupRestoreStory(() => startTestApp({ DATABASE_URL: '' }));
});
