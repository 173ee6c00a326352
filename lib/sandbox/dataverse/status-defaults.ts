/** The default statuscode of each statecode, per entity set (Dataverse sets it when only the state is written). */
export const DEFAULT_STATUS: Record<string, Record<number, number>> = {
  accounts: { 0: 1, 1: 2 },
  contacts: { 0: 1, 1: 2 },
  transactioncurrencies: { 0: 1, 1: 2 },
  uomschedules: { 0: 1, 1: 2 },
  products: { 0: 1, 1: 2, 2: 0, 3: 3 },
  pricelevels: { 0: 100001, 1: 100002 },
  opportunities: { 0: 1, 1: 3, 2: 4 },
  quotes: { 0: 1, 1: 2, 2: 4, 3: 5 },
  salesorders: { 0: 1, 1: 3, 2: 4, 3: 100001, 4: 100003 },
  invoices: { 0: 1, 1: 100001, 2: 100001, 3: 100003 },
};

/** Records start in state 0; a state without a status gets that state's default status. */
export function applyStateDefaults(entitySet: string, data: Record<string, unknown>, hasState: boolean): void {
  if (!hasState) return;
  data.statecode ??= 0;
  if (data.statuscode === undefined) {
    const status = DEFAULT_STATUS[entitySet]?.[Number(data.statecode)];
    if (status !== undefined) data.statuscode = status;
  }
}
