/** Runs once when the server starts: migrate and seed now, so the first request does not wait and errors show at once. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getDb } = await import("./db/client");
  const { driver } = await getDb();
  console.log(`[tandem] database ready (${driver})`);
}
