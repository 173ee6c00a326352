import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { connectionHealth, connections, connectionUsage } from "@/db/schema";
import { describeEachDriver, type TestDatabase } from "@/db/test/test-database";
import { ConnectorError } from "@/lib/connectors/odata/connector-error";
import { ensureSandboxConnections } from "@/lib/integration/integration-connections";
import { flushUsage, usageMeter } from "./connection-usage";

describeEachDriver("connection usage meter", (database: () => TestDatabase) => {
  const db = () => database().db;
  const connection = async () => {
    await ensureSandboxConnections(db());
    const [row] = await db().select().from(connections).where(eq(connections.system, "crm"));
    return row!.id;
  };

  it("should add up the requests of every flush in one minute when the row already exists", async () => {
    const id = await connection();
    const meter = usageMeter(db(), id);
    for (let i = 0; i < 3; i++) meter.sent();
    await flushUsage(db());
    meter.sent();
    meter.throttled();
    meter.sent();
    await flushUsage(db());
    const rows = await db().select().from(connectionUsage).where(eq(connectionUsage.connectionId, id));
    expect(rows.reduce((n, r) => n + r.requests, 0)).toBe(5);
    expect(rows.reduce((n, r) => n + r.throttled, 0)).toBe(1);
  });

  it("should record a connection-level failure and count a record's error as a call that reached the service", async () => {
    const id = await connection();
    const meter = usageMeter(db(), id);
    meter.failed(new ConnectorError("NOT_FOUND", "no such record"));
    await flushUsage(db());
    const [reached] = await db().select().from(connectionHealth).where(eq(connectionHealth.connectionId, id));
    expect(reached).toMatchObject({ lastFailureAt: null });
    expect(reached!.lastSuccessAt).not.toBeNull();
    meter.failed(new ConnectorError("NETWORK", "Cannot reach sandbox.internal"));
    await flushUsage(db());
    const [failing] = await db().select().from(connectionHealth).where(eq(connectionHealth.connectionId, id));
    expect(failing).toMatchObject({ lastErrorCode: "NETWORK", lastError: "Cannot reach sandbox.internal" });
    expect(failing!.lastFailureAt!.getTime()).toBeGreaterThanOrEqual(failing!.lastSuccessAt!.getTime());
  });
});
