import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { requirePageUser } from "@/lib/auth/page-guard";
import { listAuditLog } from "@/lib/services/audit/list-audit-log";
import { PageHeader } from "@/components/app-shell/page-header";
import { Card, CardContent } from "@/components/ui/card";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage() {
  const user = await requirePageUser("admin", "/audit");
  const { db } = await getDb();
  const entries = await listAuditLog({ ctx: { db, actor: user } });
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change made through Tandem: who, what, when. Newest first; the last 200 entries."
      />
      <Card>
        <CardContent className="pt-5">
          {entries.length === 0 ? (
            <p className="py-8 text-center text-sm text-muted-foreground">No changes have been made yet.</p>
          ) : (
            <Table aria-label="Audit log">
              <THead>
                <tr>
                  <Th>When</Th>
                  <Th>Who</Th>
                  <Th>Action</Th>
                  <Th>Target</Th>
                  <Th>Details</Th>
                </tr>
              </THead>
              <TBody>
                {entries.map((entry) => (
                  <Tr key={entry.id}>
                    <Td className="whitespace-nowrap text-xs text-muted-foreground">
                      <time dateTime={entry.createdAt.toISOString()}>
                        {entry.createdAt.toISOString().replace("T", " ").slice(0, 19)} UTC
                      </time>
                    </Td>
                    <Td>{entry.actorLabel}</Td>
                    <Td className="font-mono text-xs">{entry.action}</Td>
                    <Td className="text-xs">
                      {entry.targetType}
                      {entry.targetId ? (
                        <span className="text-muted-foreground"> · {entry.targetId.slice(0, 8)}</span>
                      ) : null}
                    </Td>
                    <Td className="max-w-md truncate font-mono text-xs text-muted-foreground">
                      {JSON.stringify(entry.details)}
                    </Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
          )}
        </CardContent>
      </Card>
    </>
  );
}
