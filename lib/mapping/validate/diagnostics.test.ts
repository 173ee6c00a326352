import { describe, expect, it } from "vitest";
import { compileGraph } from "../compile/compile";
import type { MappingGraph } from "../graph/graph";
import { modelToGraph } from "../graph/model-to-graph";
import { f } from "../model/filter";
import type { FieldMappingInput, TableMapping } from "../model/table-mapping";
import { FieldMappingSchema } from "../model/table-mapping";
import { TEST_CATALOGS, validMappings } from "../test/fixtures";
import { DIAGNOSTIC_CODES, type Diagnostic, type DiagnosticCode } from "./diagnostic";
import { validateModel } from "./validate-model";

type Break = (m: { CURRENCY: TableMapping; SALESPEOPLE: TableMapping; CUSTOMER: TableMapping }) => void;
const field = (input: FieldMappingInput) => FieldMappingSchema.parse(input);

function diagnose(change: Break): Diagnostic[] {
  const mappings = validMappings();
  const [CURRENCY, SALESPEOPLE, CUSTOMER] = mappings as [TableMapping, TableMapping, TableMapping];
  const saved = structuredClone(TEST_CATALOGS);
  try {
    change({ CURRENCY, SALESPEOPLE, CUSTOMER });
    return validateModel({ mappings }, { catalogs: TEST_CATALOGS });
  } finally {
    Object.assign(TEST_CATALOGS, saved);
  }
}

function diagnoseGraph(change: (graph: MappingGraph) => unknown): Diagnostic[] {
  const graph = modelToGraph({ mappings: validMappings() });
  return compileGraph(change(graph) ?? graph, { catalogs: TEST_CATALOGS }).diagnostics;
}

const MODEL_CASES: [DiagnosticCode, string, Break][] = [
  ["DUPLICATE_MAPPING_NAME", "two mappings share a name", (m) => void (m.SALESPEOPLE.name = "CURRENCY")],
  ["UNKNOWN_ENTITY", "the CRM entity does not exist", (m) => void (m.CUSTOMER.crm.entity = "accountz")],
  ["UNKNOWN_FIELD", "a mapped field does not exist", (m) => void (m.CUSTOMER.fields[1]!.crm = "creditlimitt")],
  [
    "FIELD_MAPPING_INCOMPLETE",
    "a field has one side and no constant",
    (m) => void m.CUSTOMER.fields.push(field({ erp: "notes", direction: "erp-to-crm" })),
  ],
  [
    "TYPE_MISMATCH",
    "text goes into a boolean",
    (m) => void m.CUSTOMER.fields.push(field({ erp: "displayName", crm: "donotemail", direction: "erp-to-crm" })),
  ],
  [
    "FIELD_DIRECTION_NOT_ALLOWED",
    "a field flows against its one-way table",
    (m) => void (m.CURRENCY.fields[0]!.direction = "bidirectional"),
  ],
  [
    "DIRECTION_WITHOUT_FIELDS",
    "the only field of a one-way table is disabled",
    (m) => void (m.SALESPEOPLE.fields[0]!.enabled = false),
  ],
  [
    "DUPLICATE_TARGET_FIELD",
    "two fields write the same target",
    (m) => void m.CUSTOMER.fields.push(field({ erp: "number", crm: "name", direction: "erp-to-crm" })),
  ],
  [
    "CONSTANT_ON_MAPPED_FIELD",
    "a constant goes into a mapped field",
    (m) => void m.CUSTOMER.fields.push(field({ crm: "name", constant: "X", direction: "erp-to-crm" })),
  ],
  [
    "READ_ONLY_TARGET",
    "a field writes a read-only column",
    (m) => void m.CUSTOMER.fields.push(field({ erp: "displayName", crm: "fullname", direction: "erp-to-crm" })),
  ],
  [
    "CREATE_ONLY_TARGET",
    "a field updates a create-only column",
    (m) => {
      m.CUSTOMER.fields.push(field({ erp: "number", crm: "accountnumber", direction: "erp-to-crm" }));
      m.CUSTOMER.match = undefined;
      TEST_CATALOGS.crm.entities[0]!.fields.find((f) => f.name === "accountnumber")!.createOnly = true;
    },
  ],
  [
    "TRUNCATION_RISK",
    "a long CRM name goes into a short ERP field",
    (m) => void delete m.CUSTOMER.fields[0]!.transforms,
  ],
  ["UNKNOWN_DEPENDENCY", "a dependency names nothing", (m) => void m.CUSTOMER.dependsOn.push("NOPE")],
  ["CYCLIC_DEPENDENCY", "two mappings depend on each other", (m) => void (m.CURRENCY.dependsOn = ["CUSTOMER"])],
  [
    "UNKNOWN_LOOKUP_MAPPING",
    "a lookup names nothing",
    (m) => void (m.CUSTOMER.fields[2]!.lookup!.mapping = "CURRENCIES"),
  ],
  [
    "LOOKUP_NOT_A_DEPENDENCY",
    "a lookup's mapping is not a dependency",
    (m) => void (m.CUSTOMER.dependsOn = ["SALESPEOPLE"]),
  ],
  [
    "LOOKUP_TARGET_MISMATCH",
    "a currency resolves through salespeople",
    (m) => void (m.CUSTOMER.fields[2]!.lookup!.mapping = "SALESPEOPLE"),
  ],
  [
    "VALUE_MAP_MISSING_VALUES",
    "a source option has no pair",
    (m) => void (m.CUSTOMER.fields[4]!.valueMap!.pairs = [["Low", 1]]),
  ],
  [
    "VALUE_MAP_UNKNOWN_VALUE",
    "a pair names an option that does not exist",
    (m) =>
      void (m.CUSTOMER.fields[4]!.valueMap!.pairs = [
        ["Low", 1],
        ["High", 9],
      ]),
  ],
  [
    "VALUE_MAP_NOT_REVERSIBLE",
    "a bidirectional map sends two values to one",
    (m) => {
      m.CUSTOMER.fields[4]!.direction = "bidirectional";
      m.CUSTOMER.fields[4]!.valueMap!.pairs = [
        ["Low", 1],
        ["High", 1],
      ];
    },
  ],
  [
    "VALUE_MAP_AMBIGUOUS",
    "a one-way map sends one source value to two targets",
    (m) =>
      void (m.CUSTOMER.fields[4]!.valueMap!.pairs = [
        ["Low", 1],
        ["Low", 2],
        ["High", 2],
      ]),
  ],
  [
    "INVALID_SETTING",
    "a lookup both clears and refuses blanks",
    (m) => void (m.CUSTOMER.fields[2]!.lookup = { mapping: "CURRENCY", clearOnFailed: true, notNull: true }),
  ],
  [
    "INVALID_TRANSFORM",
    "a text rule runs on a number",
    (m) => void (m.CUSTOMER.fields[1]!.transforms = [{ type: "uppercase" }]),
  ],
  [
    "INVALID_EXPRESSION",
    "a JSONata expression does not parse",
    (m) => void (m.CUSTOMER.fields[1]!.transforms = [{ type: "jsonata", expression: "$ +" }]),
  ],
  [
    "FILTER_UNKNOWN_FIELD",
    "a filter names a missing field",
    (m) => void (m.CUSTOMER.erp.filter = f.eq("blockd", "All")),
  ],
  [
    "FILTER_VALUE_TYPE",
    "a filter compares an option set with an unknown label",
    (m) => void (m.CUSTOMER.crm.filter = f.eq("statecode", "Deleted")),
  ],
  [
    "FILTER_UNSUPPORTED",
    "a Business Central filter ors two fields",
    (m) => void (m.CUSTOMER.erp.filter = f.or(f.eq("blocked", "All"), f.eq("active", true))),
  ],
  [
    "MATCH_FIELD_UNMATCHABLE",
    "binary fields are match fields",
    (m) => void (m.CUSTOMER.match!.groups[0]!.fields = [{ erp: "picture", crm: "entityimage", caseSensitive: false }]),
  ],
];

const GRAPH_CASES: [DiagnosticCode, string, (graph: MappingGraph) => unknown][] = [
  ["GRAPH_INVALID", "the nodes are not a list", () => ({ schemaVersion: 1, nodes: "many", edges: [] })],
  [
    "GRAPH_DANGLING_REFERENCE",
    "a table mapping's ERP entity node is gone",
    (g) => ({ ...g, nodes: g.nodes.filter((n) => n.id !== "erp:CUSTOMER") }),
  ],
  [
    "INVALID_SETTING",
    "a schedule runs every 0 minutes",
    (g) => ({
      ...g,
      nodes: g.nodes.map((n) =>
        n.id === "tm:CURRENCY" ? { ...n, data: { ...n.data, schedule: { everyMinutes: 0 } } } : n,
      ),
    }),
  ],
];

describe("diagnostics", () => {
  it("should find nothing wrong when the fixture is valid", () => {
    expect(diagnose(() => {})).toEqual([]);
    expect(diagnoseGraph(() => {})).toEqual([]);
  });

  it.each(MODEL_CASES)("should report %s when %s", (code, _label, change) => {
    const found = diagnose(change);
    expect(found.map((d) => d.code)).toContain(code);
    const diagnostic = found.find((d) => d.code === code)!;
    expect(diagnostic.severity).toBe(DIAGNOSTIC_CODES[code].severity);
    expect(diagnostic.message.length).toBeGreaterThan(10);
    expect(diagnostic.path).toMatch(/^mappings\[\d\]/);
  });

  it.each(GRAPH_CASES)("should report %s when %s", (code, _label, change) => {
    expect(diagnoseGraph(change).map((d) => d.code)).toContain(code);
  });

  it("should have a case for every diagnostic code", () => {
    const covered = new Set([...MODEL_CASES, ...GRAPH_CASES].map(([code]) => code));
    expect([...covered].sort()).toEqual(Object.keys(DIAGNOSTIC_CODES).sort());
  });

  it("should name the cycle when dependencies go round", () => {
    const cycle = diagnose((m) => void (m.CURRENCY.dependsOn = ["CUSTOMER"])).find(
      (d) => d.code === "CYCLIC_DEPENDENCY",
    )!;
    expect(cycle.message).toMatch(/CURRENCY → CUSTOMER → CURRENCY|CUSTOMER → CURRENCY → CUSTOMER/);
  });

  it.each([
    [
      "a constant field mapping",
      (m: Parameters<Break>[0]) =>
        void m.CUSTOMER.fields.push(field({ crm: "accountnumber", constant: "C-1", direction: "erp-to-crm" })),
      /gets a constant/,
    ],
    [
      "a GUID against text",
      (m: Parameters<Break>[0]) =>
        void (m.CUSTOMER.match!.groups[0]!.fields = [{ erp: "currencyId", crm: "name", caseSensitive: false }]),
      /cannot be compared/,
    ],
  ])("should refuse to match on %s", (_label, change, message) => {
    expect(diagnose(change).find((d) => d.code === "MATCH_FIELD_UNMATCHABLE")?.message).toMatch(message);
  });

  it.each([
    [
      "a constant longer than the field",
      (m: Parameters<Break>[0]) =>
        void m.CUSTOMER.fields.push(field({ crm: "accountnumber", constant: "x".repeat(21), direction: "erp-to-crm" })),
      "TYPE_MISMATCH",
    ],
    [
      "a default on create for a read-only field",
      (m: Parameters<Break>[0]) => void (m.CUSTOMER.defaultsOnCreate = { crm: { fullname: "X" } }),
      "READ_ONLY_TARGET",
    ],
    [
      "a date-time constant that is not a date",
      (m: Parameters<Break>[0]) =>
        void m.CUSTOMER.fields.push(field({ erp: "since", constant: "Meeting 2", direction: "crm-to-erp" })),
      "TYPE_MISMATCH",
    ],
    [
      "a decimal into an integer",
      (m: Parameters<Break>[0]) =>
        void m.CUSTOMER.fields.push(field({ erp: "creditLimit", crm: "statecode", direction: "erp-to-crm" })),
      "TYPE_MISMATCH",
    ],
  ])("should report %s", (_label, change, code) => {
    expect(diagnose(change).map((d) => d.code)).toContain(code);
  });

  it("should let a mapping look up through its own couplings without depending on itself", () => {
    expect(
      diagnose((m) =>
        m.CUSTOMER.fields.push(
          field({
            erp: "currencyId",
            crm: "transactioncurrencyid",
            direction: "erp-to-crm",
            enabled: false,
            lookup: { mapping: "CUSTOMER" },
          }),
        ),
      ).filter((d) => ["LOOKUP_NOT_A_DEPENDENCY", "CYCLIC_DEPENDENCY"].includes(d.code)),
    ).toEqual([]);
  });

  it("should refuse a bidirectional option mapping", () => {
    const found = validateModel(
      {
        mappings: [
          {
            ...validMappings()[0]!,
            name: "PAYMENT TERMS",
            direction: "bidirectional",
            crm: { entity: "account.paymenttermscode", key: "value" },
            fields: [{ erp: "code", crm: "label", direction: "bidirectional", enabled: true }],
          },
        ],
      },
      {
        catalogs: {
          ...TEST_CATALOGS,
          crm: {
            ...TEST_CATALOGS.crm,
            entities: [
              ...TEST_CATALOGS.crm.entities,
              {
                name: "account.paymenttermscode",
                kind: "optionset",
                key: "value",
                fields: [
                  { name: "value", type: "integer" },
                  { name: "label", type: "string" },
                ],
              },
            ],
          },
        },
      },
    );
    expect(found.map((d) => d.code)).toContain("INVALID_SETTING");
  });

  it("should report enum ↔ option set without a value map as a type mismatch", () => {
    const found = diagnose((m) => void delete m.CUSTOMER.fields[4]!.valueMap);
    expect(found).toEqual([
      expect.objectContaining({ code: "TYPE_MISMATCH", message: expect.stringMatching(/add a value map/) }),
    ]);
  });

  it("should pin field problems to their edge and filter problems to their node when validating a graph", () => {
    const graph = modelToGraph({ mappings: validMappings() });
    const broken = {
      ...graph,
      nodes: graph.nodes.map((n) =>
        n.id === "filter:CUSTOMER:crm" && n.type === "filter"
          ? { ...n, data: { ...n.data, filter: f.eq("nope", 1) } }
          : n,
      ),
      edges: graph.edges.map((e) =>
        e.id === "field:CUSTOMER:1" && e.type === "field" ? { ...e, targetHandle: "donotemail" } : e,
      ),
    };
    const found = compileGraph(broken, { catalogs: TEST_CATALOGS }).diagnostics;
    expect(found).toContainEqual(
      expect.objectContaining({ code: "FILTER_UNKNOWN_FIELD", nodeId: "filter:CUSTOMER:crm", mapping: "CUSTOMER" }),
    );
    expect(found).toContainEqual(expect.objectContaining({ code: "TYPE_MISMATCH", edgeId: "field:CUSTOMER:1" }));
  });

  it("should never throw, whatever it is given", () => {
    for (const input of [
      null,
      42,
      "graph",
      [],
      { schemaVersion: 2 },
      { schemaVersion: 1, nodes: [{}], edges: [{ id: 1 }] },
    ]) {
      expect(() => compileGraph(input, { catalogs: TEST_CATALOGS })).not.toThrow();
      expect(compileGraph(input).diagnostics.length).toBeGreaterThan(0);
    }
  });

  it("should skip catalog checks when no catalog is given", () => {
    const found = validateModel({
      mappings: validMappings().map((m) => ({ ...m, crm: { ...m.crm, entity: `${m.crm.entity}x` } })),
    });
    expect(found).toEqual([]);
  });
});
