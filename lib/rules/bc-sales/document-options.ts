import type { ConnectorRecord, WriteOperation } from "@/lib/connectors/connector";
import { findEntity, type CatalogEntity } from "@/lib/mapping/model/catalog";
import { carries } from "@/lib/mapping/model/direction";
import type { FieldMapping, TableMapping } from "@/lib/mapping/model/table-mapping";
import {
  cached,
  isBlank,
  readAll,
  readWhereIn,
  referenceId,
  type RuleContext,
  type SyncRule,
} from "@/lib/sync/rules/rule-api";
import { isHeader } from "./document-rules";

/** The option-set entity of a document's own choice column (`invoice.paymenttermscode`), when the CRM has one. */
function documentColumn(ctx: RuleContext, mapping: TableMapping, field: FieldMapping): CatalogEntity | undefined {
  const table = findEntity(ctx.catalogs.crm, mapping.crm.entity)?.logicalName;
  const column = table ? findEntity(ctx.catalogs.crm, `${table}.${field.crm}`) : undefined;
  return column?.kind === "optionset" ? column : undefined;
}

/** The option values the page's records resolve to through the option mapping's couplings. */
async function coupledOptions(
  ctx: RuleContext,
  ref: TableMapping,
  field: FieldMapping,
  records: ConnectorRecord[],
): Promise<string[]> {
  const values = records.map((r) => r.values[field.erp!]).filter((v) => !isBlank(v));
  if (!values.length) return [];
  const erpKey = field.lookup!.erpKey;
  const erpIds = erpKey
    ? (await readWhereIn(ctx.connectors.erp, ref.erp.entity, erpKey, values.map(String), undefined, [erpKey])).map(
        (r) => r.id,
      )
    : values.map((v) => referenceId(v)!);
  return [...new Set([...(await ctx.couplingsOf(ref.name, "erp", erpIds)).values()].map((c) => c.crmId))];
}

/** What the document column holds now (value → label), read once per run and kept up to date by this rule. */
const columnOptions = (ctx: RuleContext, column: CatalogEntity) =>
  cached(
    ctx,
    `rule:document-options:${column.name}`,
    async () =>
      new Map(
        (await readAll(ctx.connectors.crm, { entity: column.name })).map((o) => [o.id, String(o.values.label ?? "")]),
      ),
  );

/** Adds (or relabels) the account options the records use to the document's column, as BC does after each option sync. */
async function alignColumn(
  ctx: RuleContext,
  source: CatalogEntity,
  column: CatalogEntity,
  wanted: string[],
): Promise<void> {
  const present = await columnOptions(ctx, column);
  const all = await cached(ctx, `rule:document-options-source:${source.name}`, () =>
    readAll(ctx.connectors.crm, { entity: source.name }),
  );
  const options = all.filter((o) => wanted.includes(o.id));
  const operations: WriteOperation[] = options.flatMap((o): WriteOperation[] => {
    const label = String(o.values.label ?? "");
    if (!present.has(o.id)) return [{ kind: "create", ref: o.id, values: { value: Number(o.id), label } }];
    return present.get(o.id) === label ? [] : [{ kind: "update", ref: o.id, id: o.id, values: { label } }];
  });
  if (!operations.length) return;
  // A refused option (say, its label taken by another value) leaves the document's write to fail, naming the value.
  for (const result of await ctx.connectors.crm.write(column.name, operations)) {
    if (result.ok) present.set(result.ref!, String(operations.find((op) => op.ref === result.ref)!.values!.label));
  }
}

/**
 * Invoices, orders and quotes have choice columns of their own (paymenttermscode, freighttermscode,
 * shippingmethodcode), which Dataverse validates: an option the option mappings added to the account's column is
 * not valid there until it is added too. BC adds it to the documents' columns after each option sync
 * (OnAfterInsertOption / OnAfterModifyOption); Tandem does it before a page of documents is written, for the
 * options that page uses, so options that existed before the integration are covered too.
 */
export const documentOptionValues: SyncRule = {
  name: "documents' choice columns hold the account options they are given",
  appliesTo: (mapping, flow) => flow === "erp-to-crm" && isHeader(mapping),
  async preparePage(ctx, mapping, _flow, records) {
    for (const field of mapping.fields) {
      if (!field.enabled || !field.lookup || !field.erp || !field.crm || !carries(field.direction, "erp-to-crm"))
        continue;
      const ref = ctx.config.mappings.find((m) => m.name === field.lookup!.mapping);
      const source = ref ? findEntity(ctx.catalogs.crm, ref.crm.entity) : undefined;
      const column = documentColumn(ctx, mapping, field);
      if (!ref || source?.kind !== "optionset" || !column || column.name === source.name) continue;
      const wanted = await coupledOptions(ctx, ref, field, records);
      if (wanted.length) await alignColumn(ctx, source, column, wanted);
    }
    return () => undefined;
  },
};
