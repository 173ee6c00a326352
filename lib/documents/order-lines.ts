import type { CoupledProduct, CrmDocumentLine, DocumentError, ErpLineDraft, WriteInSetting } from "./document-types";
import { splitLineText } from "./line-description";

/** BC numbers sales lines 10000, 20000, …: room to insert between them. */
export const LINE_NO_STEP = 10_000;

export type LinesInput = {
  lines: CrmDocumentLine[];
  /** By CRM product id. */
  products: Map<string, CoupledProduct>;
  writeIn: WriteInSetting;
};

export type LinesOutcome = { ok: true; lines: ErpLineDraft[] } | { ok: false; error: DocumentError };

const WRITE_IN_HINT =
  "choose the write-in product type and number in the integration settings (Connections → Integration settings)";

/**
 * A CRM order's or quote's lines as ERP sales lines (§6.1), in sequence order: coupled Sales Inventory products as
 * item lines, Services as resource lines, write-in products as the configured write-in item or resource; texts
 * longer than a line holds become comment lines attached to their line. The first line that cannot be made fails
 * the whole document, so nothing half-built reaches the ERP.
 */
export function buildOrderLines(input: LinesInput): LinesOutcome {
  const out: ErpLineDraft[] = [];
  let lineNo = 0;
  const next = () => (lineNo += LINE_NO_STEP);
  for (const line of [...input.lines].sort((a, b) => a.sequence - b.sequence)) {
    const target = lineTarget(line, input);
    if ("code" in target) return { ok: false, error: target };
    const writeIn = line.productId === null;
    const text = line.description ?? line.productDescription; // BC: the line's text, else the product's
    const { onLine, comments } = splitLineText(text, writeIn);
    const parent = next();
    out.push({
      kind: target.kind,
      crmLineId: line.id,
      lineNo: parent,
      number: target.number,
      description: onLine,
      unitOfMeasureCode: target.unitOfMeasureCode,
      quantity: line.quantity,
      unitPrice: line.pricePerUnit,
      lineDiscountAmount: round2(line.quantity * line.volumeDiscountAmount + line.manualDiscountAmount),
    });
    for (const description of comments)
      out.push({ kind: "comment", lineNo: next(), attachedToLineNo: parent, description });
  }
  return { ok: true, lines: out };
}

type Target = { kind: "item" | "resource"; number: string; unitOfMeasureCode: string | null };

function lineTarget(line: CrmDocumentLine, input: LinesInput): Target | DocumentError {
  if (line.productId === null) {
    if (!input.writeIn.number)
      return {
        code: "WRITE_IN_NOT_CONFIGURED",
        lineId: line.id,
        message: `The document contains a write-in product (${line.productDescription ?? "no name"}), and no write-in product is set: ${WRITE_IN_HINT}.`,
      };
    return { kind: input.writeIn.type, number: input.writeIn.number, unitOfMeasureCode: null };
  }
  const product = input.products.get(line.productId.toLowerCase());
  const fail = (why: string): DocumentError => ({ code: "PRODUCT_NOT_USABLE", lineId: line.id, message: why });
  if (!product) return fail(`The product ${line.productId} of a line is not coupled to an ERP item or resource.`);
  if (!product.active) return fail(`The product ${line.productId} of a line is not active.`);
  if (product.type === "other")
    return fail(`The product ${line.productId} is neither a Sales Inventory nor a Services product.`);
  if (!product.erpNumber) return fail(`The product ${line.productId} of a line is not coupled to the ERP.`);
  return {
    kind: product.type === "sales-inventory" ? "item" : "resource",
    number: product.erpNumber,
    unitOfMeasureCode: product.unitOfMeasureCode,
  };
}

const round2 = (n: number) => Math.round(n * 100) / 100;
