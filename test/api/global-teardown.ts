export default async function globalTeardown(): Promise<void> {
  if (process.env.KEEP_TEST_DATABASE) return;
  await (globalThis as { __dropTestDatabase?: () => Promise<void> }).__dropTestDatabase?.();
}
