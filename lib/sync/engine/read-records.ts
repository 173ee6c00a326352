import type { Connector, ConnectorRecord, ReadChangesRequest } from "@/lib/connectors/connector";
import { f, type FilterAst } from "@/lib/mapping/model/filter";

/** Every record a query returns, page after page (small result sets only: keys, option values, lookups). */
export async function readAll(connector: Connector, request: ReadChangesRequest): Promise<ConnectorRecord[]> {
  const records: ConnectorRecord[] = [];
  for await (const page of connector.readChanges(request)) records.push(...page.records);
  return records;
}

/** Records whose `field` has one of `values`, asked in slices that keep URLs short. */
export async function readWhereIn(
  connector: Connector,
  entity: string,
  field: string,
  values: (string | number)[],
  extra?: FilterAst,
  select?: string[],
): Promise<ConnectorRecord[]> {
  const records: ConnectorRecord[] = [];
  const unique = [...new Set(values)];
  for (let i = 0; i < unique.length; i += 40) {
    const part = unique.slice(i, i + 40);
    const filter = extra ? f.and(extra, f.in(field, part)) : f.in(field, part);
    records.push(...(await readAll(connector, { entity, filter, select })));
  }
  return records;
}
