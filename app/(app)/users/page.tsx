import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/page-guard";
import { getDb } from "@/db/client";
import { listUsers } from "@/lib/services/users/list-users";
import { PageHeader } from "@/components/app-shell/page-header";
import { CreateUserForm } from "@/components/users/create-user-form";
import { UsersTable } from "@/components/users/users-table";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const user = await requirePageUser("admin", "/users");
  const { db } = await getDb();
  const users = await listUsers({ ctx: { db, actor: user } });
  return (
    <>
      <PageHeader
        title="Users"
        description="Who may sign in, and what they may do. Every change is written to the audit log."
      />
      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <Card>
          <CardHeader>
            <CardTitle>{users.length} users</CardTitle>
            <CardDescription>
              Admins manage users and run syncs; consultants design mappings; viewers read.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <UsersTable users={users} currentUserId={user.id} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Add a user</CardTitle>
            <CardDescription>They sign in with this e-mail and password.</CardDescription>
          </CardHeader>
          <CardContent>
            <CreateUserForm />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
