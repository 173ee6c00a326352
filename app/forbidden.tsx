import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto flex max-w-lg flex-col gap-3 px-6 py-24 text-center">
      <p className="text-sm font-semibold text-destructive">403</p>
      <h1 className="text-2xl font-semibold">You don&apos;t have access to this page</h1>
      <p className="text-muted-foreground">Your role does not allow it. Ask an admin if you need it.</p>
      <Link href="/" className="text-primary underline">
        Back to the overview
      </Link>
    </main>
  );
}
