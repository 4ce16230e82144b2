// Runs once when a server process starts. The Node.js part lives in its own module so the Edge build
// of this file stays free of Node APIs.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { startServerProcess } = await import('@/lib/server-start');
    await startServerProcess();
  }
}
