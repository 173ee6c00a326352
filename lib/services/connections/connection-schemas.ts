import { z } from "zod";
import { TenantId, TenantUrl } from "./connection-endpoints";

const Name = z.string().trim().min(1, "enter a name").max(120, "at most 120 characters");
const ClientId = z.string().trim().min(1, "enter the client (application) id").max(256);
/** Absent or empty on an edit: the stored secret is kept. */
const ClientSecret = z.string().max(1024, "at most 1,024 characters").optional();
const Optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());

const common = {
  id: z.string().uuid().optional(),
  name: Optional(Name),
  clientId: ClientId,
  clientSecret: ClientSecret,
  /** Advanced: a token endpoint other than Entra ID's for the tenant (the sandboxes' own, a sovereign cloud). */
  tokenUrl: Optional(TenantUrl),
  activate: z.boolean().default(true),
};

export const DataverseConnectionInput = z
  .object({
    ...common,
    system: z.literal("crm"),
    environmentUrl: TenantUrl,
    tenantId: Optional(TenantId),
  })
  .refine((v) => v.tenantId || v.tokenUrl, { message: "enter the tenant id", path: ["tenantId"] });

export const BusinessCentralConnectionInput = z
  .object({
    ...common,
    system: z.literal("erp"),
    tenantId: Optional(TenantId),
    environment: Optional(
      z
        .string()
        .trim()
        .max(30)
        .regex(/^[A-Za-z0-9_-]+$/, "an environment name has letters, digits, - and _ (e.g. Production)"),
    ),
    /** Advanced: the API root itself (…/api), instead of tenant and environment. */
    apiUrl: Optional(TenantUrl),
    companyId: Optional(z.string().uuid("pick a company")),
  })
  .refine((v) => v.apiUrl || (v.tenantId && v.environment), {
    message: "enter the tenant id and the environment name",
    path: ["environment"],
  })
  .refine((v) => v.tenantId || v.tokenUrl, { message: "enter the tenant id", path: ["tenantId"] });

export const ConnectionInput = z.union([DataverseConnectionInput, BusinessCentralConnectionInput]);
export type ConnectionInputValue = z.output<typeof ConnectionInput>;

export const ConnectionIdInput = z.object({ id: z.string().uuid("not a connection id") });
