"use client";
import { useTransition } from "react";
import { signOutAction } from "@/lib/actions/auth";
import { Button } from "@/components/ui/button";

export function SignOutButton() {
  const [pending, startTransition] = useTransition();
  return (
    <Button
      variant="outline"
      size="sm"
      disabled={pending}
      onClick={() => startTransition(async () => void (await signOutAction()))}
    >
      {pending ? "Signing out…" : "Sign out"}
    </Button>
  );
}
