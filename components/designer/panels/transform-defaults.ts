import type { Transform, TransformType } from "@/lib/mapping/model/transform";

export const TRANSFORM_LABELS: Record<TransformType, string> = {
  trim: "Trim",
  uppercase: "Uppercase",
  lowercase: "Lowercase",
  titlecase: "Title case",
  substring: "Substring",
  replace: "Replace",
  "regex-replace": "Regex replace",
  "regex-match": "Regex match",
  "remove-non-alphanumeric": "Remove non-alphanumeric",
  "date-format": "Date format",
  "decimal-format": "Decimal format",
  truncate: "Truncate",
  "default-if-empty": "Default if empty",
  concat: "Concatenate",
  jsonata: "JSONata expression",
};

/** A new transform of a type with settings that already work, for people to adjust. */
export function defaultTransform(type: TransformType): Transform {
  switch (type) {
    case "substring":
      return { type, start: 1, length: 10 };
    case "replace":
      return { type, find: " ", replaceWith: "" };
    case "regex-replace":
      return { type, pattern: "\\s+", replaceWith: " " };
    case "regex-match":
      return { type, pattern: "\\d+" };
    case "date-format":
      return { type, format: "yyyy-MM-dd" };
    case "decimal-format":
      return { type, decimals: 2 };
    case "truncate":
      return { type };
    case "default-if-empty":
      return { type, value: "" };
    case "concat":
      return { type, parts: [{ value: true }], separator: " " };
    case "jsonata":
      return { type, expression: "$uppercase($)" };
    default:
      return { type } as Transform;
  }
}
