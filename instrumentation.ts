// Runs once when a server process starts: refuse to start on invalid configuration, with a message
// naming each bad variable.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { env } = await import('@/lib/env');
  try {
    env();
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
}
