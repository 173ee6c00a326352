import { startHarness } from "@/lib/connectors/test/sandbox-harness";
const h = await startHarness();
const c = h.businessCentral();
console.log(JSON.stringify(await c.write("customers", [{ kind: "create", values: { displayName: "X" } }])));
await h.close();
