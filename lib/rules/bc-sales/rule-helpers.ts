import type { ConnectorRecord } from "@/lib/connectors/connector";
import { f } from "@/lib/mapping/model/filter";
import type { RuntimeConfig } from "@/lib/mapping/model/runtime-config";
import type { TableMapping } from "@/lib/mapping/model/table-mapping";
import { cached, readAll, readWhereIn, type RuleContext } from "@/lib/sync/rules/rule-api";

/** The config's mapping between two entities, if it has one: rules find CUSTOMER or SALESPEOPLE by what they join. */
export function mappingBetween(config: RuntimeConfig, erpEntity: string, crmEntity: string): TableMapping | undefined {
  return config.mappings.find((m) => m.erp.entity === erpEntity && m.crm.entity === crmEntity);
}

export const isPair = (mapping: TableMapping, erpEntity: string, crmEntity: string) =>
  mapping.erp.entity === erpEntity && mapping.crm.entity === crmEntity;

/** The CRM organization's base currency: the transaction currency at exchange rate 1 (BC's LCY counterpart). */
export function baseCurrency(ctx: RuleContext): Promise<ConnectorRecord | null> {
  return cached(ctx, "rule:base-currency", async () => {
    // The organization names it; other currencies may sit at rate 1 too (created before their rate was set).
    const [organization] = await readAll(ctx.connectors.crm, { entity: "organizations", select: ["basecurrencyid"] });
    const id = (organization?.values.basecurrencyid as { id?: string } | string | null | undefined) ?? null;
    const baseId = typeof id === "string" ? id : (id?.id ?? null);
    if (baseId) return (await ctx.connectors.crm.readByIds("transactioncurrencies", [baseId]))[0] ?? null;
    return (
      (await readAll(ctx.connectors.crm, { entity: "transactioncurrencies", filter: f.eq("exchangerate", 1) }))[0] ??
      null
    );
  });
}

export const DEFAULT_PRICE_LIST_NAME = "Business Central default price list";

/** BC's default CRM price list: found by name, or created once (with a fixed key, so a repeated run finds it). */
export function defaultPriceList(ctx: RuleContext): Promise<string> {
  return cached(ctx, "rule:default-price-list", async () => {
    const [found] = await readAll(ctx.connectors.crm, {
      entity: "pricelevels",
      filter: f.eq("name", DEFAULT_PRICE_LIST_NAME),
    });
    if (found) return found.id;
    const currency = await baseCurrency(ctx);
    const key = "rule:default-price-list";
    const [result] = await ctx.connectors.crm.write("pricelevels", [
      {
        kind: "create",
        key,
        values: {
          name: DEFAULT_PRICE_LIST_NAME,
          description: "Prices of items and resources synchronized from Business Central.",
          ...(currency ? { transactioncurrencyid: { id: currency.id, entity: "transactioncurrencies" } } : {}),
        },
      },
    ]);
    if (result?.ok) return result.id;
    const again = (await ctx.connectors.crm.findByKeys("pricelevels", [key])).get(key);
    if (again) return again.id;
    throw new Error(
      `The default price list could not be created: ${result && !result.ok ? result.error.message : "no answer"}`,
    );
  });
}

/** The base unit of each unit group (the uom flagged isschedulebaseuom). */
export async function baseUnits(ctx: RuleContext, groups: string[]): Promise<Map<string, string>> {
  const units = groups.length
    ? await readWhereIn(ctx.connectors.crm, "uoms", "uomscheduleid", groups, f.eq("isschedulebaseuom", true))
    : [];
  return new Map(units.map((u) => [String(u.values.uomscheduleid).toLowerCase(), u.id]));
}

export const lookup = (id: string, entity: string) => ({ id, entity });
