import { z } from "zod";
import { JsonValueSchema } from "./json-value";

/**
 * Business Central's transformation rule types plus truncate, default-if-empty, concat and JSONata.
 * Positions are 1-based like BC's Substring rule.
 */
export const TransformSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("uppercase") }),
  z.object({ type: z.literal("lowercase") }),
  z.object({ type: z.literal("titlecase") }),
  z.object({ type: z.literal("trim") }),
  z.object({
    type: z.literal("substring"),
    start: z.number().int().min(1),
    length: z.number().int().min(0).optional(),
  }),
  z.object({ type: z.literal("replace"), find: z.string().min(1), replaceWith: z.string() }),
  z.object({
    type: z.literal("regex-replace"),
    pattern: z.string().min(1),
    flags: z.string().optional(),
    replaceWith: z.string(),
  }),
  z.object({ type: z.literal("remove-non-alphanumeric") }),
  /** Unicode date tokens (yyyy-MM-dd HH:mm:ss.SSS, text in single quotes), formatted in UTC. */
  z.object({ type: z.literal("date-format"), format: z.string().min(1) }),
  z.object({
    type: z.literal("decimal-format"),
    decimals: z.number().int().min(0).max(20).optional(),
    grouping: z.boolean().optional(),
    decimalSeparator: z.string().max(1).optional(),
  }),
  /** Keeps the first match (or one capture group) of the pattern; no match gives an empty string. */
  z.object({
    type: z.literal("regex-match"),
    pattern: z.string().min(1),
    flags: z.string().optional(),
    group: z.number().int().min(0).optional(),
  }),
  /** Without maxLength: the target field's max length from the catalog. */
  z.object({ type: z.literal("truncate"), maxLength: z.number().int().positive().optional() }),
  z.object({ type: z.literal("default-if-empty"), value: JsonValueSchema }),
  /** Joins parts — the value itself, other fields of the same source record, literal text — into one text. */
  z.object({
    type: z.literal("concat"),
    parts: z
      .array(
        z.union([
          z.object({ value: z.literal(true) }),
          z.object({ field: z.string().min(1) }),
          z.object({ text: z.string() }),
        ]),
      )
      .min(1),
    separator: z.string().optional(),
  }),
  /** `$` is the value, `$record` the whole source record; evaluation is cut off after timeoutMs. */
  z.object({
    type: z.literal("jsonata"),
    expression: z.string().min(1),
    timeoutMs: z.number().int().min(1).max(5000).optional(),
  }),
]);
export type Transform = z.infer<typeof TransformSchema>;
export type TransformType = Transform["type"];
