/** Runs once when the server starts: migrate and seed now, so the first request does not wait and errors show at once. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { checkDemoAccountsAtStart, checkSecretsAtStart, refuseToStartOnConfigurationError } =
    await import("./lib/server/start-checks");
  const { ALL_INTERFACES } = await import("./lib/server/demo-exposure");
  // `npm start` says where it listens; a server started otherwise (plain `next start`) listens on every interface.
  process.env.TANDEM_LISTEN_HOST ||= ALL_INTERFACES;
  const { getDb } = await import("./db/client");
  const { handle, warning } = await refuseToStartOnConfigurationError(async () => {
    checkSecretsAtStart();
    const handle = await getDb();
    return { handle, warning: await checkDemoAccountsAtStart(handle.db) };
  });
  if (warning) console.warn(`[tandem] ${warning}`);
  const { missingAdminHint } = await import("./lib/server/admin-hint");
  const hint = await missingAdminHint(handle.db);
  if (hint) console.warn(`[tandem] ${hint}`);
  console.log(`[tandem] database ready (${handle.driver})`);
  const { prepareIntegration } = await import("./lib/integration/first-start");
  for (const note of await prepareIntegration(handle.db)) console.log(`[tandem] ${note}`);
  if (process.env.TANDEM_WORKER === "0") return;
  // The worker: the minute cron that queues due mappings, and the handlers that run sync jobs.
  const { startWorker } = await import("./lib/jobs/worker");
  const { registerQueue } = await import("./lib/jobs/queue-registry");
  const worker = await startWorker(handle, { stopOnSignals: true });
  registerQueue(handle.db, worker.boss);
  console.log("[tandem] sync worker started");
}
