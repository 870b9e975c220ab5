import { supportStories } from './support-stories';

jest.setTimeout(120_000);

/** Ticket stories on MariaDB (production's database). */
supportStories('mariadb');
