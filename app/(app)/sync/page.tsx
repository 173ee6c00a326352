import { redirect } from "next/navigation";

/** The Synchronization page became Table mappings, Full synchronization, Jobs, Couplings and Conflicts. */
export default function SyncPage() {
  redirect("/mappings");
}
