"use client";
import { useRef, useState, useTransition, type FormEvent } from "react";
import { createUserAction } from "@/lib/actions/users";
import { ROLES, ROLE_LABELS } from "@/lib/auth/roles";
import type { PublicError } from "@/lib/errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input, NativeSelect } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

export function CreateUserForm() {
  const formRef = useRef<HTMLFormElement>(null);
  const [error, setError] = useState<PublicError | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await createUserAction(Object.fromEntries(form));
      if (result.ok) {
        setError(null);
        setCreated(result.data.email);
        formRef.current?.reset();
      } else {
        setCreated(null);
        setError(result.error);
      }
    });
  }

  const fieldError = (name: string) => error?.fieldErrors?.[name]?.[0];
  const field = (name: string, label: string, input: React.ReactNode) => (
    <div className="flex flex-col gap-1.5">
      <Label htmlFor={`new-user-${name}`}>{label}</Label>
      {input}
      {fieldError(name) && (
        <p id={`new-user-${name}-error`} className="text-xs text-destructive">
          {fieldError(name)}
        </p>
      )}
    </div>
  );
  const invalid = (name: string) => ({
    "aria-invalid": Boolean(fieldError(name)),
    "aria-describedby": fieldError(name) ? `new-user-${name}-error` : undefined,
  });

  return (
    <form ref={formRef} onSubmit={onSubmit} className="flex flex-col gap-4" noValidate aria-label="Add a user">
      {error && <Alert>{error.message}</Alert>}
      {created && <Alert tone="success">Created {created}.</Alert>}
      {field(
        "email",
        "E-mail",
        <Input id="new-user-email" name="email" type="email" autoComplete="off" {...invalid("email")} />,
      )}
      {field(
        "name",
        "Name",
        <Input id="new-user-name" name="name" autoComplete="off" placeholder="Optional" {...invalid("name")} />,
      )}
      {field(
        "role",
        "Role",
        <NativeSelect id="new-user-role" name="role" defaultValue="viewer" {...invalid("role")}>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {ROLE_LABELS[role]}
            </option>
          ))}
        </NativeSelect>,
      )}
      {field(
        "password",
        "Password",
        <Input
          id="new-user-password"
          name="password"
          type="password"
          autoComplete="new-password"
          {...invalid("password")}
        />,
      )}
      <Button type="submit" disabled={pending}>
        {pending ? "Creating…" : "Create user"}
      </Button>
    </form>
  );
}
