import { describe, expect, it } from "vitest";
import type { CoupledProduct, CrmDocumentLine } from "./document-types";
import { descriptionChunks, splitLineText } from "./line-description";
import { buildOrderLines } from "./order-lines";

const PRODUCTS = new Map<string, CoupledProduct>([
  ["p-bike", { active: true, type: "sales-inventory", erpNumber: "1896-S", unitOfMeasureCode: "PCS" }],
  ["p-hours", { active: true, type: "services", erpNumber: "LINDA", unitOfMeasureCode: "HOUR" }],
  ["p-retired", { active: false, type: "sales-inventory", erpNumber: "1900-S", unitOfMeasureCode: "PCS" }],
  ["p-kit", { active: true, type: "other", erpNumber: "KIT", unitOfMeasureCode: null }],
]);
const line = (over: Partial<CrmDocumentLine>): CrmDocumentLine => ({
  id: "l1",
  sequence: 1,
  productId: "p-bike",
  productDescription: null,
  description: null,
  quantity: 2,
  pricePerUnit: 100,
  volumeDiscountAmount: 0,
  manualDiscountAmount: 0,
  ...over,
});
const WRITE_IN = { type: "item" as const, number: "WRITE-IN" };

describe("descriptionChunks and splitLineText", () => {
  it.each([
    { when: "the text fits", text: "short", writeIn: false, onLine: "short", comments: 0 },
    { when: "a product's text is 250 characters", text: "a".repeat(250), writeIn: false, onLine: null, comments: 3 },
    {
      when: "a write-in text is 250 characters",
      text: "b".repeat(250),
      writeIn: true,
      onLine: "b".repeat(100),
      comments: 2,
    },
    { when: "the text has two lines", text: "first\nsecond", writeIn: false, onLine: null, comments: 2 },
    { when: "there is no text", text: null, writeIn: false, onLine: null, comments: 0 },
  ])("should put $comments comment line(s) aside when $when", ({ text, writeIn, onLine, comments }) => {
    const split = splitLineText(text, writeIn);
    expect(split.onLine).toBe(onLine);
    expect(split.comments).toHaveLength(comments);
    expect(split.comments.every((c) => [...c].length <= 100)).toBe(true);
  });

  it("should keep every character, never cutting one in two, when it splits", () => {
    const text = "é".repeat(99) + "😀" + "x".repeat(150);
    const chunks = descriptionChunks(text);
    expect(chunks.join("")).toBe(text);
    expect(chunks.map((c) => [...c].length)).toEqual([100, 100, 50]);
  });
});

describe("buildOrderLines", () => {
  it("should make item, resource, write-in and comment lines in sequence order when the products are coupled", () => {
    const outcome = buildOrderLines({
      lines: [
        line({ id: "l3", sequence: 3, productId: null, productDescription: "Gift wrapping", quantity: 1 }),
        line({ id: "l1", sequence: 1, description: "x".repeat(250), volumeDiscountAmount: 5, manualDiscountAmount: 3 }),
        line({ id: "l2", sequence: 2, productId: "P-HOURS".toLowerCase(), quantity: 4, pricePerUnit: 80 }),
      ],
      products: PRODUCTS,
      writeIn: WRITE_IN,
    });
    expect(outcome.ok).toBe(true);
    const lines = outcome.ok ? outcome.lines : [];
    expect(lines.map((l) => [l.kind, l.lineNo, l.kind === "comment" ? l.attachedToLineNo : l.number])).toEqual([
      ["item", 10000, "1896-S"],
      ["comment", 20000, 10000],
      ["comment", 30000, 10000],
      ["comment", 40000, 10000],
      ["resource", 50000, "LINDA"],
      ["item", 60000, "WRITE-IN"],
    ]);
    expect(lines[0]).toMatchObject({ quantity: 2, unitPrice: 100, lineDiscountAmount: 13, unitOfMeasureCode: "PCS" });
    expect(lines[5]).toMatchObject({ description: "Gift wrapping", unitOfMeasureCode: null });
  });

  it.each([
    {
      when: "a write-in line meets no write-in setting",
      over: { productId: null },
      writeIn: { type: "item" as const, number: null },
      code: "WRITE_IN_NOT_CONFIGURED",
      says: /write-in product/,
    },
    {
      when: "the product is not coupled",
      over: { productId: "p-unknown" },
      writeIn: WRITE_IN,
      code: "PRODUCT_NOT_USABLE",
      says: /not coupled/,
    },
    {
      when: "the product is not active",
      over: { productId: "p-retired" },
      writeIn: WRITE_IN,
      code: "PRODUCT_NOT_USABLE",
      says: /not active/,
    },
    {
      when: "the product is neither inventory nor a service",
      over: { productId: "p-kit" },
      writeIn: WRITE_IN,
      code: "PRODUCT_NOT_USABLE",
      says: /neither/,
    },
  ])("should fail the whole document with $code when $when", ({ over, writeIn, code, says }) => {
    const outcome = buildOrderLines({
      lines: [line({}), line({ id: "bad", sequence: 2, ...over })],
      products: PRODUCTS,
      writeIn,
    });
    expect(outcome).toMatchObject({ ok: false, error: { code, lineId: "bad" } });
    expect(outcome.ok ? "" : outcome.error.message).toMatch(says);
  });
});
