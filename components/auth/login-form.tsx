"use client";
import { useState, useTransition, type FormEvent } from "react";
import { signInWithPassword } from "@/lib/actions/auth";
import type { PublicError } from "@/lib/errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

export function LoginForm({ callbackUrl, externalError }: { callbackUrl: string; externalError?: string }) {
  const [error, setError] = useState<PublicError | null>(
    externalError
      ? { code: "UNAUTHENTICATED", message: "Wrong e-mail or password, or the account is disabled." }
      : null,
  );
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await signInWithPassword({
        email: form.get("email"),
        password: form.get("password"),
        callbackUrl,
      });
      if (!result.ok) setError(result.error);
    });
  }

  const fieldError = (name: string) => error?.fieldErrors?.[name]?.[0];
  return (
    <Card>
      <CardHeader>
        <CardTitle>Sign in</CardTitle>
      </CardHeader>
      <CardContent>
        <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
          {error && <Alert>{error.message}</Alert>}
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="email">E-mail</Label>
            <Input
              id="email"
              name="email"
              type="email"
              autoComplete="username"
              required
              aria-invalid={Boolean(fieldError("email"))}
            />
          </div>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="password">Password</Label>
            <Input
              id="password"
              name="password"
              type="password"
              autoComplete="current-password"
              required
              aria-invalid={Boolean(fieldError("password"))}
            />
          </div>
          <Button type="submit" disabled={pending}>
            {pending ? "Signing in…" : "Sign in"}
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
