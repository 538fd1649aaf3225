/** Waits, bounded (5 s), for something a background task (a file watcher) does. */
export async function poll (check: () => Promise<boolean>): Promise<boolean> {
  for (let i = 0; i < 100; i++) {
    if (await check()) return true
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return false
}
