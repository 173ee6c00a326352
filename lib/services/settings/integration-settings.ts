import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { integrationSettings, type IntegrationSettings } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { writeAudit } from "../audit/write-audit";
import { requireRole, withTransaction, type ServiceContext } from "../context";
import { NotificationSettingsShape, notificationColumns, redactedUrl } from "./notification-settings-input";

/** The settings as a page shows them: the availability key and the webhook secret only as set/unset. */
export type SettingsView = Omit<
  IntegrationSettings,
  "availabilityKeyHash" | "id" | "updatedBy" | "webhookSecretEncrypted"
> & {
  availabilityKeySet: boolean;
  webhookSecretSet: boolean;
};

export const SettingsInput = z
  .object({
    itemAvailability: z.boolean(),
    salesOrderIntegration: z.boolean(),
    autoCreateSalesOrders: z.boolean(),
    autoProcessQuotes: z.boolean(),
    writeInProductType: z.enum(["item", "resource"], { message: "a write-in product is an item or a resource" }),
    writeInProductNo: z.preprocess(
      (v) => (v === "" ? null : v),
      z.string().trim().max(20, "at most 20 characters").nullable(),
    ),
    defaultScheduleMinutes: z.preprocess(
      (v) => (v === "" || v === undefined ? null : v),
      z.coerce
        .number()
        .int("whole minutes")
        .min(1, "at least 1 minute")
        .max(1440, "at most 1,440 minutes (a day)")
        .nullable(),
    ),
    ...NotificationSettingsShape,
  })
  .refine((v) => !v.autoCreateSalesOrders || v.salesOrderIntegration, {
    message: "creating sales orders automatically needs the sales-order integration",
    path: ["autoCreateSalesOrders"],
  });

const DEFAULTS = { id: 1 } as const;
const hash = (key: string) => createHash("sha256").update(key, "utf8").digest();

async function row(db: DbOrTx): Promise<IntegrationSettings> {
  await db.insert(integrationSettings).values(DEFAULTS).onConflictDoNothing();
  const [settings] = await db.select().from(integrationSettings).where(eq(integrationSettings.id, 1));
  return settings!;
}

function view(settings: IntegrationSettings): SettingsView {
  const { availabilityKeyHash, webhookSecretEncrypted, id: _id, updatedBy: _by, ...rest } = settings;
  return {
    ...rest,
    availabilityKeySet: Boolean(availabilityKeyHash),
    webhookSecretSet: Boolean(webhookSecretEncrypted),
  };
}

/** A receiver's URL may itself be a credential (Slack, Teams): below admin only its origin is shown. */
export async function getIntegrationSettings({ ctx }: { ctx: ServiceContext }): Promise<SettingsView> {
  requireRole(ctx, "viewer");
  const settings = view(await row(ctx.db));
  return ctx.actor.role === "admin" ? settings : { ...settings, webhookUrl: redactedUrl(settings.webhookUrl) };
}

export async function saveIntegrationSettings(args: { ctx: ServiceContext; input: unknown }): Promise<SettingsView> {
  const { ctx } = args;
  requireRole(ctx, "admin");
  const { webhookSecret, clearWebhookSecret, ...input } = parseInput(SettingsInput, args.input);
  const notifications = notificationColumns({ webhookSecret, clearWebhookSecret });
  return withTransaction(ctx, async (tx) => {
    await row(tx);
    const [saved] = await tx
      .update(integrationSettings)
      .set({
        ...input,
        ...notifications.columns,
        updatedBy: ctx.actor.kind === "user" ? ctx.actor.id : null,
        updatedAt: new Date(),
      })
      .where(eq(integrationSettings.id, 1))
      .returning();
    await writeAudit(tx, ctx.actor, {
      action: "settings.update",
      targetType: "settings",
      details: { ...input, webhookUrl: redactedUrl(input.webhookUrl), webhookSecret: notifications.change },
    });
    return view(saved!);
  });
}

/** A new availability API key: returned once, stored only as its hash; the old key stops working at once. */
export async function rotateAvailabilityKey({
  ctx,
}: {
  ctx: ServiceContext;
}): Promise<{ key: string; createdAt: Date }> {
  requireRole(ctx, "admin");
  const key = `tdm_av_${randomBytes(32).toString("base64url")}`;
  const createdAt = new Date();
  await withTransaction(ctx, async (tx) => {
    await row(tx);
    await tx
      .update(integrationSettings)
      .set({ availabilityKeyHash: hash(key).toString("hex"), availabilityKeyCreatedAt: createdAt })
      .where(eq(integrationSettings.id, 1));
    await writeAudit(tx, ctx.actor, { action: "settings.availability-key.rotate", targetType: "settings" });
  });
  return { key, createdAt };
}

/** Whether a presented availability key is the current one, compared in constant time (the availability API's check). */
export async function availabilityKeyMatches(db: DbOrTx, presented: string): Promise<boolean> {
  const settings = await row(db);
  if (!settings.itemAvailability || !settings.availabilityKeyHash) return false;
  const stored = Buffer.from(settings.availabilityKeyHash, "hex");
  return timingSafeEqual(hash(presented), stored);
}

/** Settings that must be set before a feature runs, named in the error (e.g. the write-in product). */
export function requireWriteInProduct(settings: SettingsView): { type: "item" | "resource"; number: string } {
  if (!settings.writeInProductNo)
    throw new AppError(
      "CONFIGURATION",
      "No write-in product is set: choose one under Connections → Integration settings.",
    );
  return { type: settings.writeInProductType as "item" | "resource", number: settings.writeInProductNo };
}
