import { z } from "zod";
import { GRAPH_SCHEMA_VERSION, MappingGraphSchema, type MappingGraph } from "../graph/graph";
import { issuePath } from "../graph/parse-graph";
import { jsonDepth, MAX_JSON_DEPTH } from "../graph/json-depth";
import { canonicalJson, contentHash } from "../compile/canonical-json";
import { RUNTIME_CONFIG_SCHEMA_VERSION, RuntimeConfigSchema, type RuntimeConfig } from "../model/runtime-config";

export type ImportErrorCode =
  "MALFORMED_JSON" | "UNKNOWN_DOCUMENT" | "FUTURE_VERSION" | "INVALID_DOCUMENT" | "HASH_MISMATCH";

/** A file that cannot be imported; `path` names the bad value (e.g. `graph.nodes[3].data.direction`). */
export class ImportError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    message: string,
    readonly path?: string,
  ) {
    super(message);
    this.name = "ImportError";
  }
}

const KINDS = { graph: "tandem.mapping-graph", config: "tandem.runtime-config" } as const;
export type ImportedDocument = { kind: "graph"; graph: MappingGraph } | { kind: "config"; config: RuntimeConfig };

/** A graph as a file: a small envelope naming what it is, then the graph. */
export function exportGraph(graph: MappingGraph): string {
  return `${canonicalJson({ kind: KINDS.graph, schemaVersion: GRAPH_SCHEMA_VERSION, graph }, 2)}\n`;
}

export function exportConfig(config: RuntimeConfig): string {
  return `${canonicalJson({ kind: KINDS.config, schemaVersion: RUNTIME_CONFIG_SCHEMA_VERSION, config }, 2)}\n`;
}

function parseJson(text: string): unknown {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new ImportError("MALFORMED_JSON", `The file is not valid JSON: ${(error as Error).message}`);
  }
  if (jsonDepth(data, MAX_JSON_DEPTH) > MAX_JSON_DEPTH)
    throw new ImportError("INVALID_DOCUMENT", `The file is nested more than ${MAX_JSON_DEPTH} levels deep`);
  return data;
}

function checkVersion(found: unknown, supported: number, path: string): void {
  if (typeof found === "number" && found > supported) {
    throw new ImportError(
      "FUTURE_VERSION",
      `${path} is ${found}: the file was made by a newer Tandem; this one reads schema version ${supported}`,
      path,
    );
  }
}

function parseWith<T>(schema: z.ZodType<T>, value: unknown, prefix: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const path = [prefix, issuePath(issue.path)].filter(Boolean).join(".").replace(/\.\[/g, "[");
  throw new ImportError("INVALID_DOCUMENT", `${path || "(root)"}: ${issue.message}`, path || undefined);
}

/**
 * Reads an exported graph or config, or a bare one. Malformed JSON, a newer schema version, a bad value (named by
 * its path) or a config whose content does not match its version hash each get their own error.
 */
export function importDocument(text: string): ImportedDocument {
  const data = parseJson(text);
  if (!data || typeof data !== "object" || Array.isArray(data))
    throw new ImportError("UNKNOWN_DOCUMENT", "Expected a JSON object: a Tandem mapping graph or runtime config");
  const record = data as Record<string, unknown>;
  let kind: "graph" | "config";
  let body: unknown;
  let prefix: string;
  if (record.kind === KINDS.graph || record.kind === KINDS.config) {
    kind = record.kind === KINDS.graph ? "graph" : "config";
    checkVersion(
      record.schemaVersion,
      kind === "graph" ? GRAPH_SCHEMA_VERSION : RUNTIME_CONFIG_SCHEMA_VERSION,
      "schemaVersion",
    );
    body = record[kind];
    prefix = kind;
  } else if (record.kind !== undefined) {
    throw new ImportError(
      "UNKNOWN_DOCUMENT",
      `Unknown document kind ${JSON.stringify(record.kind)}; expected ${KINDS.graph} or ${KINDS.config}`,
      "kind",
    );
  } else if ("nodes" in record && "edges" in record) {
    [kind, body, prefix] = ["graph", record, ""];
  } else if ("mappings" in record) {
    [kind, body, prefix] = ["config", record, ""];
  } else {
    throw new ImportError(
      "UNKNOWN_DOCUMENT",
      "This is neither a mapping graph (nodes, edges) nor a runtime config (mappings)",
    );
  }
  const version = (body as { schemaVersion?: unknown } | undefined)?.schemaVersion;
  checkVersion(
    version,
    kind === "graph" ? GRAPH_SCHEMA_VERSION : RUNTIME_CONFIG_SCHEMA_VERSION,
    prefix ? `${prefix}.schemaVersion` : "schemaVersion",
  );
  if (kind === "graph") return { kind, graph: parseWith(MappingGraphSchema, body, prefix) };
  const config = parseWith(RuntimeConfigSchema, body, prefix);
  const expected = contentHash({ schemaVersion: config.schemaVersion, mappings: config.mappings });
  if (expected !== config.version) {
    throw new ImportError(
      "HASH_MISMATCH",
      `The config's content does not match its version ${config.version.slice(0, 12)}…; it was edited by hand. Compile the graph again.`,
      [prefix, "version"].filter(Boolean).join("."),
    );
  }
  return { kind, config };
}
