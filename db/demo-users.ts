import type { Role } from "./schema/enums";

/** The demo accounts of the embedded default; the README prints the same table. */
export const DEMO_USERS: { email: string; name: string; role: Role; password: string }[] = [
  { email: "admin@tandem.local", name: "Ada Admin", role: "admin", password: "tandem-admin-demo" },
  { email: "consultant@tandem.local", name: "Cole Consultant", role: "consultant", password: "tandem-consultant-demo" },
  { email: "viewer@tandem.local", name: "Vera Viewer", role: "viewer", password: "tandem-viewer-demo" },
];
