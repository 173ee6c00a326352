import Link from "next/link";
import { getDb } from "@/db/client";
import type { SignedInUser } from "@/lib/auth/current-user";
import { hasRole } from "@/lib/auth/roles";
import { browseSandbox, getSandboxRecord } from "@/lib/services/sandbox/browse-sandbox";
import { PageHeader } from "@/components/app-shell/page-header";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { cn } from "@/lib/utils/cn";
import { displayValue, rawValue, summaryFields, SYSTEM_COLUMNS } from "./format-value";
import { SandboxRecordForm } from "./sandbox-record-form";

const TITLES = {
  erp: {
    title: "Business Central sandbox",
    description: "The built-in simulator of Business Central API v2.0 and Tandem's custom API pages.",
  },
  crm: { title: "Dynamics 365 Sales sandbox", description: "The built-in simulator of the Dataverse Web API v9.2." },
} as const;

type Params = { entity?: string; q?: string; page?: string; record?: string; new?: string };

export async function SandboxBrowser({
  system,
  params,
  user,
}: {
  system: "erp" | "crm";
  params: Params;
  user: SignedInUser;
}) {
  const { db } = await getDb();
  const ctx = { db, actor: user };
  const page = await browseSandbox({
    ctx,
    input: { system, entity: params.entity, search: params.q, page: params.page },
  });
  const { entity } = page;
  const columns = summaryFields(entity, page.records, page.searchField);
  const selected = params.record
    ? await getSandboxRecord({ ctx, system, entity: entity.name, id: params.record })
    : null;
  const canEdit = hasRole(user.role, "admin");
  const creating = canEdit && page.creatable && params.new === "1";
  const label = entity.label ?? entity.name;
  const formFields = (record: typeof selected) =>
    entity.fields
      .filter((f) => f.type !== "lookup" && f.type !== "blob")
      .filter((f) => record || !(f.readOnly || f.name === entity.key || SYSTEM_COLUMNS.has(f.name)))
      .map((f) => ({
        name: f.name,
        label: f.label ?? f.name,
        type: f.type,
        value: record ? rawValue(entity, f, record) : null,
        options: f.options,
        readOnly: Boolean(f.readOnly) || f.name === entity.key || SYSTEM_COLUMNS.has(f.name),
      }));
  const href = (changes: Params) => {
    const next = new URLSearchParams(
      Object.entries({ entity: entity.name, q: page.search, page: String(page.page), ...changes }).filter(
        ([, v]) => v,
      ) as [string, string][],
    );
    return `/sandbox/${system}?${next}`;
  };
  return (
    <>
      <PageHeader
        title={TITLES[system].title}
        description={`${TITLES[system].description} Change a record here and watch it sync.`}
      />
      <div className="grid gap-6 lg:grid-cols-[13rem_1fr]">
        <nav aria-label="Entities" className="flex flex-col gap-0.5 text-sm">
          {page.entities.map((e) => (
            <Link
              key={e.name}
              href={`/sandbox/${system}?entity=${encodeURIComponent(e.name)}`}
              aria-current={e.name === entity.name ? "page" : undefined}
              className={cn("rounded px-2 py-1 hover:bg-muted", e.name === entity.name && "bg-muted font-medium")}
            >
              {e.label}
            </Link>
          ))}
        </nav>
        <div className="flex flex-col gap-6">
          <Card>
            <CardHeader className="flex-row items-center justify-between gap-4">
              <CardTitle>
                {entity.label ?? entity.name}{" "}
                <span className="text-sm font-normal text-muted-foreground">
                  · {page.total.toLocaleString("en-US")} records
                </span>
              </CardTitle>
              <div className="flex items-center gap-3">
                {canEdit && page.creatable && (
                  <Link
                    href={href({ new: "1", record: undefined })}
                    className="text-sm text-primary underline-offset-2 hover:underline"
                  >
                    New record
                  </Link>
                )}
                <form method="get" action={`/sandbox/${system}`} className="flex gap-2" role="search">
                  <input type="hidden" name="entity" value={entity.name} />
                  <Input
                    name="q"
                    defaultValue={page.search}
                    placeholder={`Search ${page.searchField ?? "name"}…`}
                    aria-label={`Search ${entity.label ?? entity.name}`}
                    className="w-56"
                  />
                </form>
              </div>
            </CardHeader>
            <CardContent>
              {page.records.length === 0 ? (
                <p className="py-8 text-center text-sm text-muted-foreground">
                  {page.search ? `Nothing matches “${page.search}”.` : "No records in this entity yet."}
                </p>
              ) : (
                <Table aria-label={`${entity.label ?? entity.name} records`}>
                  <THead>
                    <tr>
                      {columns.map((c) => (
                        <Th key={c.name}>{c.label ?? c.name}</Th>
                      ))}
                      <Th>Modified</Th>
                      {system === "crm" && <Th>Modified by</Th>}
                    </tr>
                  </THead>
                  <TBody>
                    {page.records.map((record) => (
                      <Tr key={record.id} aria-selected={selected?.id === record.id}>
                        {columns.map((c, i) => (
                          <Td key={c.name}>
                            {i === 0 ? (
                              <Link
                                className="text-primary underline-offset-2 hover:underline"
                                href={href({ record: record.id })}
                              >
                                {displayValue(c, rawValue(entity, c, record))}
                              </Link>
                            ) : (
                              displayValue(c, rawValue(entity, c, record))
                            )}
                          </Td>
                        ))}
                        <Td className="whitespace-nowrap text-xs text-muted-foreground">
                          {record.modifiedAt.toISOString().replace("T", " ").slice(0, 19)}
                        </Td>
                        {system === "crm" && (
                          <Td className="whitespace-nowrap text-xs text-muted-foreground">
                            {record.modifiedBy ? (page.modifiers[record.modifiedBy] ?? record.modifiedBy) : "—"}
                          </Td>
                        )}
                      </Tr>
                    ))}
                  </TBody>
                </Table>
              )}
              {page.pages > 1 && (
                <nav aria-label="Pages" className="mt-3 flex items-center justify-end gap-3 text-sm">
                  {page.page > 1 && <Link href={href({ page: String(page.page - 1) })}>Previous</Link>}
                  <span className="text-muted-foreground">
                    Page {page.page} of {page.pages}
                  </span>
                  {page.page < page.pages && <Link href={href({ page: String(page.page + 1) })}>Next</Link>}
                </nav>
              )}
            </CardContent>
          </Card>
          {creating && (
            <Card>
              <CardHeader>
                <CardTitle>New record · {label}</CardTitle>
              </CardHeader>
              <CardContent>
                <SandboxRecordForm
                  mode="create"
                  system={system}
                  entity={entity.name}
                  canEdit
                  fields={formFields(null)}
                />
              </CardContent>
            </Card>
          )}
          {selected && (
            <Card>
              <CardHeader>
                <CardTitle>
                  {String(rawValue(entity, columns[0] ?? entity.fields[0]!, selected) ?? selected.id)}
                </CardTitle>
              </CardHeader>
              <CardContent>
                <SandboxRecordForm
                  key={`${selected.id}:${selected.version}`}
                  system={system}
                  entity={entity.name}
                  id={selected.id}
                  canEdit={canEdit}
                  fields={formFields(selected)}
                />
              </CardContent>
            </Card>
          )}
        </div>
      </div>
    </>
  );
}
