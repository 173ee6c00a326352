import type { Database } from "@/db/client";
import { activePairId, ensureSandboxConnections } from "../integration-connections";

/** The sandbox connection pair of a test database: what the engine keeps couplings, jobs and watermarks under. */
export async function testPairId(db: Database): Promise<string> {
  await ensureSandboxConnections(db);
  return activePairId(db);
}
