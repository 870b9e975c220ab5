import { DataSource } from 'typeorm';
import { serialiseSqliteTransactions } from './sqlite-transactions';

describe('transactions on the embedded SQLite database', () => {
  let dataSource: DataSource;

  beforeEach(async () => {
    dataSource = await new DataSource({ type: 'better-sqlite3', database: ':memory:' }).initialize();
    await dataSource.query('CREATE TABLE sign_ins (id INTEGER PRIMARY KEY, who TEXT NOT NULL)');
  });
  afterEach(() => dataSource.destroy());

  const signIn = (who: string) =>
    dataSource.transaction(async (manager) => {
      await manager.query('INSERT INTO sign_ins (who) VALUES (?)', [who]);
      await new Promise((resolve) => setTimeout(resolve, 5));
      await manager.query('INSERT INTO sign_ins (who) VALUES (?)', [`${who} again`]);
    });

  it('fails for concurrent transactions without the serialiser (why it exists)', async () => {
    const results = await Promise.allSettled(['a', 'b', 'c'].map(signIn));
    expect(results.some((r) => r.status === 'rejected')).toBe(true);
  });

  it('lets concurrent transactions take turns, each committing whole', async () => {
    serialiseSqliteTransactions(dataSource);
    await Promise.all(['a', 'b', 'c'].map(signIn));
    const rows: { who: string }[] = await dataSource.query('SELECT who FROM sign_ins ORDER BY id');
    expect(rows.map((r) => r.who)).toEqual(['a', 'a again', 'b', 'b again', 'c', 'c again']);
  });

  it('rolls back one without touching another, and runs a nested transaction as a savepoint', async () => {
    serialiseSqliteTransactions(dataSource);
    const failing = dataSource.transaction(async (manager) => {
      await manager.query("INSERT INTO sign_ins (who) VALUES ('lost')");
      throw new Error('declined');
    });
    const nested = dataSource.transaction(async (manager) => {
      await manager.query("INSERT INTO sign_ins (who) VALUES ('outer')");
      await dataSource.transaction((inner) => inner.query("INSERT INTO sign_ins (who) VALUES ('inner')"));
    });
    await expect(failing).rejects.toThrow('declined');
    await nested;
    const rows: { who: string }[] = await dataSource.query('SELECT who FROM sign_ins ORDER BY id');
    expect(rows.map((r) => r.who)).toEqual(['outer', 'inner']);
  });
});
