// A benchmark's sandboxes in their own process, so the engine's memory is measured alone. Prints its origin.
import { openDatabase } from "@/db/open-database";
import { SandboxRuntime } from "@/lib/sandbox/sandbox-runtime";
import { serveSandbox } from "@/lib/sandbox/serve-sandbox";

const url = process.argv[2];
if (!url) throw new Error("usage: bench-sandbox-server <postgres url>");
const handle = await openDatabase({ driver: "postgres", url });
const unlimited = { throttle: { requests: 10_000_000, windowSeconds: 300 } };
const served = await serveSandbox(new SandboxRuntime({ db: handle.db, settings: { crm: unlimited, erp: unlimited } }));
process.stdout.write(`${served.origin}\n`);
process.on(
  "SIGTERM",
  () =>
    void served
      .close()
      .then(() => handle.close())
      .then(() => process.exit(0)),
);
