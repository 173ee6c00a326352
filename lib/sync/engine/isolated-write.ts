import type { Connector, WriteOperation, WriteResult } from "@/lib/connectors/connector";

const failedWhole = (result: WriteResult) => !result.ok && result.error.wholeRequest === true;

/**
 * Writes, then isolates what failed as a whole request (a batch still answered 5xx, 429 or nothing after the
 * client's retries): those operations are sent again in halves, and the half that still fails is split again, down
 * to single records — so one record the service cannot take fails alone and the rest of the page is written. When
 * both halves fail as a whole too, the service is down or throttling rather than choking on a record: splitting
 * stops and the operations keep their failure (a few requests, never 2n). Repeated creates meet their own records by
 * key (DUPLICATE), so re-sending a batch that did reach the service duplicates nothing.
 */
export async function isolatedWrite(
  connector: Connector,
  entity: string,
  operations: WriteOperation[],
): Promise<WriteResult[]> {
  const results = await connector.write(entity, operations);
  await isolate(connector, entity, operations, results);
  return results;
}

async function isolate(
  connector: Connector,
  entity: string,
  operations: WriteOperation[],
  results: WriteResult[],
): Promise<void> {
  const whole = results.flatMap((result, index) => (failedWhole(result) ? [index] : []));
  if (whole.length < 2) return;
  const halves = [whole.slice(0, Math.ceil(whole.length / 2)), whole.slice(Math.ceil(whole.length / 2))];
  const answers = await Promise.all(
    halves.map((half) =>
      connector.write(
        entity,
        half.map((index) => operations[index]!),
      ),
    ),
  );
  if (answers.every((answer) => answer.every(failedWhole))) return;
  for (const [h, half] of halves.entries()) {
    half.forEach((index, i) => (results[index] = answers[h]![i]!));
    const again = half.map((index) => results[index]!);
    await isolate(
      connector,
      entity,
      half.map((index) => operations[index]!),
      again,
    );
    half.forEach((index, i) => (results[index] = again[i]!));
  }
}
