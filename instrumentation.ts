/** Runs once when the server starts: migrate and seed now, so the first request does not wait and errors show at once. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getDb } = await import("./db/client");
  const { db, driver } = await getDb();
  console.log(`[tandem] database ready (${driver})`);
  if (process.env.TANDEM_SANDBOX !== "0") {
    const { seedSandboxIfEmpty } = await import("./lib/sandbox/seed-sandbox");
    const seeded = await seedSandboxIfEmpty(db);
    if (seeded) console.log("[tandem] sandboxes seeded with the demo company");
  }
}
