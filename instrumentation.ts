// Runs once when a server process starts: clear temp files that a crash left behind, then seed the
// example plugins on a fresh database.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startup } = await import("./lib/startup");
  await startup();
}
