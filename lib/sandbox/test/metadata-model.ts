import { XMLParser } from "fast-xml-parser";

/** The names a $metadata document (CSDL 4.0) declares, as a client resolves URLs against them. */
export type StructuredType = {
  name: string;
  base?: string;
  properties: Map<string, string>;
  navigation: Map<string, { type: string; contains: boolean }>;
};
export type Operation = {
  name: string;
  kind: "function" | "action";
  bindingType?: string;
  parameters: string[];
  returnType?: string;
};
export type MetadataModel = {
  types: Map<string, StructuredType>;
  sets: Map<string, string>;
  imports: Map<string, Operation[]>;
  /** Bound operations by qualified name. */
  bound: Map<string, Operation[]>;
};

type Node = Record<string, unknown>;
const list = <T = Node>(value: unknown): T[] =>
  value === undefined ? [] : Array.isArray(value) ? (value as T[]) : [value as T];

export function parseMetadata(xml: string): MetadataModel {
  const document = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(xml) as Node;
  const schemas = list(((document["edmx:Edmx"] as Node)["edmx:DataServices"] as Node).Schema);
  const model: MetadataModel = { types: new Map(), sets: new Map(), imports: new Map(), bound: new Map() };
  const operations = new Map<string, Operation[]>();
  const importsOf: [string, string][] = [];
  for (const schema of schemas) {
    const ns = String(schema.Namespace);
    for (const node of [...list(schema.EntityType), ...list(schema.ComplexType)]) {
      const name = `${ns}.${String(node.Name)}`;
      model.types.set(name, {
        name,
        base: node.BaseType ? String(node.BaseType) : undefined,
        properties: new Map(list(node.Property).map((p) => [String(p.Name), String(p.Type)])),
        navigation: new Map(
          list(node.NavigationProperty).map((n) => [
            String(n.Name),
            { type: String(n.Type), contains: n.ContainsTarget === "true" },
          ]),
        ),
      });
    }
    for (const [kind, nodes] of [
      ["function", list(schema.Function)],
      ["action", list(schema.Action)],
    ] as const) {
      for (const node of nodes) {
        const parameters = list(node.Parameter);
        const bound = node.IsBound === "true";
        const operation: Operation = {
          name: `${ns}.${String(node.Name)}`,
          kind,
          bindingType: bound ? String(parameters[0]?.Type) : undefined,
          parameters: parameters.slice(bound ? 1 : 0).map((p) => String(p.Name)),
          returnType: (node.ReturnType as Node | undefined)?.Type as string | undefined,
        };
        const target = bound ? model.bound : operations;
        target.set(operation.name, [...(target.get(operation.name) ?? []), operation]);
      }
    }
    for (const container of list(schema.EntityContainer)) {
      for (const set of list(container.EntitySet)) model.sets.set(String(set.Name), String(set.EntityType));
      for (const node of list(container.FunctionImport)) importsOf.push([String(node.Name), String(node.Function)]);
      for (const node of list(container.ActionImport)) importsOf.push([String(node.Name), String(node.Action)]);
    }
  }
  for (const [name, operation] of importsOf) model.imports.set(name, operations.get(operation) ?? []);
  return model;
}

/** The type and its bases, nearest first. */
export function lineage(model: MetadataModel, typeName: string): StructuredType[] {
  const chain: StructuredType[] = [];
  for (let type = model.types.get(typeName); type; type = type.base ? model.types.get(type.base) : undefined)
    chain.push(type);
  return chain;
}

export const elementType = (type: string) => /^Collection\((.+)\)$/.exec(type)?.[1] ?? type;
export const isCollection = (type: string) => type.startsWith("Collection(");
