import type { Connector, WriteOperation, WriteResult } from "@/lib/connectors/connector";

/**
 * Writes, then isolates what failed as a whole request (a batch still answered 5xx, 429 or nothing after the
 * client's retries): those operations are sent again in halves, down to single records, so one record the service
 * cannot take fails alone and every other record of the page is written. Repeated creates meet their own records
 * by key (DUPLICATE), so re-sending a batch that did reach the service duplicates nothing.
 */
export async function isolatedWrite(connector: Connector, entity: string, operations: WriteOperation[]): Promise<WriteResult[]> {
  const results = await connector.write(entity, operations);
  if (operations.length < 2) return results;
  const whole = results.flatMap((result, index) => (!result.ok && result.error.wholeRequest ? [index] : []));
  if (!whole.length) return results;
  const half = Math.ceil(whole.length / 2);
  for (const group of [whole.slice(0, half), whole.slice(half)]) {
    if (!group.length) continue;
    const again = await isolatedWrite(connector, entity, group.map((index) => operations[index]!));
    group.forEach((index, i) => (results[index] = again[i]!));
  }
  return results;
}
