import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { hasRole } from "@/lib/auth/roles";
import { requirePageUser } from "@/lib/auth/page-guard";
import { listConnections } from "@/lib/services/connections/list-connections";
import { getIntegrationSettings } from "@/lib/services/settings/integration-settings";
import { PageHeader } from "@/components/app-shell/page-header";
import { ConnectionList } from "@/components/connections/connection-list";
import { ConnectionSetupForm } from "@/components/connections/connection-setup-form";
import { IntegrationSettingsForm } from "@/components/connections/integration-settings-form";
import { UseSandboxesButton } from "@/components/connections/use-sandboxes-button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";

export const metadata: Metadata = { title: "Connections" };
export const dynamic = "force-dynamic";

export default async function ConnectionsPage() {
  const user = await requirePageUser("viewer", "/connections");
  const { db } = await getDb();
  const admin = hasRole(user.role, "admin");
  const ctx = { db, actor: user };
  const [{ connections, pairs }, settings] = await Promise.all([
    listConnections({ ctx }),
    getIntegrationSettings({ ctx }),
  ]);
  const nameOf = new Map(connections.map((c) => [c.id, c.name]));
  const sandboxesActive = connections.filter((c) => c.kind === "sandbox" && c.active).length === 2;
  return (
    <>
      <PageHeader
        title="Connections"
        description="Where Tandem reads and writes: the built-in sandboxes, or your Business Central and Dataverse tenants."
      />
      <div className="grid gap-6 lg:grid-cols-[1fr_26rem]">
        <div className="flex flex-col gap-6">
          <Card>
            <CardHeader>
              <CardTitle>Connections</CardTitle>
              <CardDescription>
                Each system syncs through its active connection. Test connection checks the token, the service, the
                integration user and read on every mapped table, and says what to fix.
              </CardDescription>
            </CardHeader>
            <CardContent className="flex flex-col gap-4">
              {connections.length === 0 ? (
                <p className="text-sm text-muted-foreground">
                  No connection yet.{" "}
                  {admin ? "Use the built-in sandboxes or connect a tenant." : "Ask an admin to add one."}
                </p>
              ) : (
                <ConnectionList rows={connections} canAct={admin} />
              )}
              {admin && <UseSandboxesButton active={sandboxesActive} />}
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Connection pairs</CardTitle>
              <CardDescription>
                Couplings, watermarks and jobs belong to the pair they were made under. Switching tenants starts a new
                pair; the old one keeps its couplings, read-only.
              </CardDescription>
            </CardHeader>
            <CardContent>
              {pairs.length === 0 ? (
                <p className="text-sm text-muted-foreground">No synchronization has run yet.</p>
              ) : (
                <Table aria-label="Connection pairs">
                  <THead>
                    <Tr>
                      <Th>Business Central</Th>
                      <Th>Dataverse</Th>
                      <Th>Couplings</Th>
                      <Th>Jobs</Th>
                      <Th>State</Th>
                    </Tr>
                  </THead>
                  <TBody>
                    {pairs.map((p) => (
                      <Tr key={p.id}>
                        <Td>{nameOf.get(p.erpConnectionId)}</Td>
                        <Td>{nameOf.get(p.crmConnectionId)}</Td>
                        <Td>{p.couplings.toLocaleString("en-US")}</Td>
                        <Td>{p.jobs.toLocaleString("en-US")}</Td>
                        <Td>{p.active ? "active" : "read-only"}</Td>
                      </Tr>
                    ))}
                  </TBody>
                </Table>
              )}
            </CardContent>
          </Card>
        </div>
        <div className="flex flex-col gap-6">
          <Card>
            <CardHeader>
              <CardTitle>Integration settings</CardTitle>
              <CardDescription>
                Item availability, sales orders and quotes, write-in products, the default schedule.
              </CardDescription>
            </CardHeader>
            <CardContent>
              <IntegrationSettingsForm settings={settings} canEdit={admin} />
            </CardContent>
          </Card>
          {admin && (
            <Card>
              <CardHeader>
                <CardTitle>Connect a tenant</CardTitle>
                <CardDescription>
                  An app registration with a client secret, set up as an application user in Dataverse and as a
                  Microsoft Entra application in Business Central. Tenant URLs must use https.
                </CardDescription>
              </CardHeader>
              <CardContent>
                <ConnectionSetupForm />
              </CardContent>
            </Card>
          )}
        </div>
      </div>
    </>
  );
}
