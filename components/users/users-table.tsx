"use client";
import { useState, useTransition } from "react";
import { changeUserRoleAction, setUserDisabledAction } from "@/lib/actions/users";
import { ROLES, ROLE_LABELS, type Role } from "@/lib/auth/roles";
import type { PublicUser } from "@/lib/services/users/public-user";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/input";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";

export function UsersTable({ users, currentUserId }: { users: PublicUser[]; currentUserId: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function run(action: () => Promise<{ ok: boolean; error?: { message: string } }>) {
    startTransition(async () => {
      const result = await action();
      setError(result.ok ? null : (result.error?.message ?? "Failed"));
    });
  }

  return (
    <div className="flex flex-col gap-3">
      {error && <Alert>{error}</Alert>}
      <Table aria-label="Users">
        <THead>
          <tr>
            <Th>User</Th>
            <Th>Role</Th>
            <Th>Status</Th>
            <Th className="text-right">Access</Th>
          </tr>
        </THead>
        <TBody>
          {users.map((user) => (
            <Tr key={user.id} data-testid={`user-row-${user.email}`}>
              <Td>
                <div className="font-medium">{user.name}</div>
                <div className="text-xs text-muted-foreground">{user.email}</div>
              </Td>
              <Td>
                <NativeSelect
                  aria-label={`Role of ${user.email}`}
                  value={user.role}
                  disabled={pending}
                  className="w-36"
                  onChange={(event) =>
                    run(() => changeUserRoleAction({ userId: user.id, role: event.target.value as Role }))
                  }
                >
                  {ROLES.map((role) => (
                    <option key={role} value={role}>
                      {ROLE_LABELS[role]}
                    </option>
                  ))}
                </NativeSelect>
              </Td>
              <Td>
                {user.disabled ? (
                  <Badge variant="destructive">Disabled</Badge>
                ) : (
                  <Badge variant="success">Active</Badge>
                )}
              </Td>
              <Td className="text-right">
                {user.id === currentUserId ? (
                  <span className="text-xs text-muted-foreground">You</span>
                ) : (
                  <Button
                    variant="outline"
                    size="sm"
                    disabled={pending}
                    onClick={() => run(() => setUserDisabledAction({ userId: user.id, disabled: !user.disabled }))}
                  >
                    {user.disabled ? "Enable" : "Disable"}
                  </Button>
                )}
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
    </div>
  );
}
