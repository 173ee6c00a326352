import { elementType, isCollection, lineage, type MetadataModel, type Operation } from "./metadata-model";

/**
 * Resolves a request URL against a service's $metadata as an OData client would and names what it does not declare:
 * every path segment (entity sets, keys' property names, navigation, type casts, bound and unbound functions and
 * actions, $count, $batch, $metadata) and every property named in $select, $filter, $orderby and $expand.
 */
type State = { kind: "root" } | { kind: "done" } | { kind: "collection" | "entity"; type: string };

const KEYWORDS = new Set([
  "and",
  "or",
  "not",
  "eq",
  "ne",
  "gt",
  "ge",
  "lt",
  "le",
  "has",
  "in",
  "null",
  "true",
  "false",
  "asc",
  "desc",
]);

/** Splits on `separator` outside parentheses, brackets and quotes. */
function splitTop(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = "";
  for (const char of text) {
    if (char === "'") quoted = !quoted;
    if (!quoted && (char === "(" || char === "[")) depth++;
    if (!quoted && (char === ")" || char === "]")) depth--;
    if (!quoted && depth === 0 && char === separator) {
      parts.push(current);
      current = "";
    } else current += char;
  }
  return [...parts, current];
}

/** `path` is decoded and relative to the service root; `search` is the URL's raw query string. */
export function checkUrl(model: MetadataModel, path: string, search: string): string[] {
  const problems: string[] = [];
  let state: State = { kind: "root" };
  for (const segment of splitTop(path, "/").filter(Boolean)) {
    state = step(model, state, segment, problems);
    if (state.kind === "done") break;
  }
  if (state.kind === "collection" || state.kind === "entity") {
    const params = new URLSearchParams(search);
    checkOptions(model, state.type, (name) => params.get(name), problems);
  }
  return problems;
}

function step(model: MetadataModel, state: State, segment: string, problems: string[]): State {
  const [, name = segment, args] = /^([^(]+)(?:\((.*)\))?$/.exec(segment) ?? [];
  const miss = (what: string): State => (problems.push(`${what} '${name}'`), { kind: "done" });
  if (state.kind === "root") {
    if (segment === "$metadata" || segment === "$batch") return { kind: "done" };
    const set = model.sets.get(name);
    if (set) return keyed(model, set, args, problems);
    const operations = model.imports.get(name);
    if (!operations?.length) return miss("no entity set or operation import");
    return invoked(model, operations, args, problems);
  }
  if (state.kind === "done") return state;
  if (segment === "$count")
    return state.kind === "collection" ? { kind: "done" } : miss("$count on a single entity at");
  if (name.includes(".")) {
    const bound = (model.bound.get(name) ?? []).filter(
      (op) => op.bindingType === (state.kind === "collection" ? `Collection(${state.type})` : state.type),
    );
    if (bound.length) return invoked(model, bound, args, problems);
    if (lineage(model, name).some((t) => t.name === state.type))
      return state.kind === "collection" ? keyed(model, name, args, problems) : { kind: "entity", type: name };
    return miss(`no bound operation or derived type of ${state.type} named`);
  }
  if (state.kind === "collection") return miss(`navigation from a collection of ${state.type} through`);
  const navigation = lineage(model, state.type)
    .map((t) => t.navigation.get(name))
    .find(Boolean);
  if (!navigation) return miss(`no navigation property of ${state.type} named`);
  if (!isCollection(navigation.type)) return { kind: "entity", type: navigation.type };
  return keyed(model, elementType(navigation.type), args, problems);
}

/** A collection of `type`, or one of its entities when the segment has a key; key property names must exist. */
function keyed(model: MetadataModel, type: string, args: string | undefined, problems: string[]): State {
  if (args === undefined) return { kind: "collection", type };
  for (const part of splitTop(args, ",")) {
    const named = /^([A-Za-z_]\w*)=/.exec(part)?.[1];
    if (named && !hasProperty(model, type, named)) problems.push(`no key property of ${type} named '${named}'`);
  }
  return { kind: "entity", type };
}

function invoked(model: MetadataModel, operations: Operation[], args: string | undefined, problems: string[]): State {
  const [operation] = operations;
  const given = args
    ? splitTop(args, ",")
        .map((part) => /^([A-Za-z_]\w*)=/.exec(part)?.[1])
        .filter((n): n is string => Boolean(n))
    : [];
  for (const name of given)
    if (!operation!.parameters.includes(name)) problems.push(`no parameter '${name}' of ${operation!.name}`);
  if (operation!.kind === "action" && args !== undefined)
    problems.push(`action ${operation!.name} called with parentheses`);
  const returned = operation!.returnType;
  if (!returned || !model.types.has(elementType(returned))) return { kind: "done" };
  return { kind: isCollection(returned) ? "collection" : "entity", type: elementType(returned) };
}

function hasProperty(model: MetadataModel, type: string, name: string): boolean {
  return lineage(model, type).some((t) => t.properties.has(name) || t.navigation.has(name));
}

function checkOptions(
  model: MetadataModel,
  type: string,
  option: (name: string) => string | null,
  problems: string[],
): void {
  const need = (name: string, where: string) => {
    if (!hasProperty(model, type, name)) problems.push(`${where}: no property of ${type} named '${name}'`);
  };
  for (const name of (option("$select") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean))
    need(name, "$select");
  for (const term of (option("$orderby") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean))
    need(term.split(/\s+/)[0]!, "$orderby");
  for (const name of filterProperties(option("$filter") ?? "")) need(name.split("/")[0]!, "$filter");
  for (const item of splitTop(option("$expand") ?? "", ",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [, name = item, nested = ""] = /^([^(]+)(?:\((.*)\))?$/.exec(item) ?? [];
    const navigation = lineage(model, type)
      .map((t) => t.navigation.get(name))
      .find(Boolean);
    if (!navigation) {
      problems.push(`$expand: no navigation property of ${type} named '${name}'`);
      continue;
    }
    const options = new Map(
      splitTop(nested, ";")
        .filter(Boolean)
        .map((o) => [o.slice(0, o.indexOf("=")), o.slice(o.indexOf("=") + 1)]),
    );
    checkOptions(model, elementType(navigation.type), (n) => options.get(n) ?? null, problems);
  }
}

/** The property paths a $filter names: identifiers outside literals that are neither keywords nor function calls. */
export function filterProperties(filter: string): string[] {
  const stripped = filter
    .replace(/'(?:[^']|'')*'/g, " ")
    .replace(/\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b/g, " ")
    .replace(/\b\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:\d{2})?)?/g, " ")
    .replace(/\b\d+(?:\.\d+)?\b/g, " ");
  return [...stripped.matchAll(/([A-Za-z_][\w/]*)\s*(\()?/g)]
    .filter(([, name, call]) => !call && !KEYWORDS.has(name!))
    .map(([, name]) => name!);
}
