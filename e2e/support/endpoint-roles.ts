import type { ReviewedTable } from "../../lib/testing/endpoint-scan/check-endpoints";

/**
 * The reviewed least role of every endpoint the app serves: server actions as `file#export`, route handlers as
 * `METHOD /url/pattern`. The security suite fails when an endpoint is missing here, when an entry names no endpoint,
 * and when the code declares another role than this table (a lower one is a hole; a higher one needs a review), and
 * it calls each endpoint as every role below the one named here. Change an entry only with a review of who may call
 * the endpoint and why; a public entry says why a signed-out visitor must reach it.
 */
export const ENDPOINT_ROLES = {
  // Signing in and out
  "lib/actions/auth.ts#signInWithPassword": "public: signing in is what a signed-out visitor does",
  "lib/actions/auth.ts#signOutAction": "viewer",

  // Users (admin only: accounts and roles are the keys to everything else)
  "lib/actions/users.ts#createUserAction": "admin",
  "lib/actions/users.ts#changeUserRoleAction": "admin",
  "lib/actions/users.ts#setUserDisabledAction": "admin",

  // Designer: everyone reads the mappings, consultants change and publish them
  "lib/actions/designer.ts#loadDesignerAction": "viewer",
  "lib/actions/designer.ts#listVersionsAction": "viewer",
  "lib/actions/designer.ts#versionDiffAction": "viewer",
  "lib/actions/designer.ts#saveDraftAction": "consultant",
  "lib/actions/designer.ts#previewPublishAction": "consultant",
  "lib/actions/designer.ts#publishDraftAction": "consultant",
  "lib/actions/designer.ts#rollbackVersionAction": "consultant",
  // Both read live records of the connected systems through the stored connection secrets.
  "lib/actions/designer.ts#searchRecordsAction": "consultant",
  "lib/actions/designer.ts#previewRecordAction": "consultant",

  // Synchronization: admins write to the ERP and CRM; a dry run writes nothing and helps a consultant design
  // Reconciliation reads both systems at length (service budget) and can synchronize: admins only
  "lib/actions/reconciliation.ts#startReconciliationAction": "admin",
  "lib/actions/reconciliation.ts#cancelReconciliationAction": "admin",
  "lib/actions/reconciliation.ts#synchronizeDriftedAction": "admin",
  "lib/actions/sync.ts#previewFullSyncAction": "viewer",
  "lib/actions/sync.ts#dryRunMappingAction": "consultant",
  "lib/actions/sync.ts#startFullSyncAction": "admin",
  "lib/actions/sync.ts#runMappingNowAction": "admin",
  "lib/actions/sync.ts#coupleRecordsAction": "admin",
  "lib/actions/sync.ts#createInOtherAction": "admin",
  "lib/actions/sync.ts#syncNowAction": "admin",
  "lib/actions/sync.ts#uncoupleRecordsAction": "admin",
  "lib/actions/sync.ts#matchCoupleAction": "admin",
  "lib/actions/sync.ts#previewMatchCoupleAction": "consultant",
  "lib/actions/sync.ts#restoreSkippedAction": "admin",
  "lib/actions/sync.ts#retryJobErrorsAction": "admin",
  "lib/actions/sync.ts#decideConflictAction": "admin",
  "lib/actions/sync.ts#approveHeldRunAction": "admin",
  "lib/actions/sync.ts#discardHeldRunAction": "admin",
  "lib/actions/sync.ts#setScheduleEnabledAction": "admin",
  "lib/actions/sync.ts#resetWatermarkAction": "admin",
  "lib/actions/sync.ts#searchUncoupledAction": "admin",

  // Connections: they hold the tenants' secrets and decide where Tandem writes; a test calls out with the secret
  "lib/actions/connections.ts#saveConnectionAction": "admin",
  "lib/actions/connections.ts#testConnectionAction": "admin",
  "lib/actions/connections.ts#activateConnectionAction": "admin",
  "lib/actions/connections.ts#activateSandboxesAction": "admin",
  // The availability key is shown once to whoever makes it; the write-in list reads the ERP with the stored secret.
  "lib/actions/connections.ts#saveIntegrationSettingsAction": "admin",
  "lib/actions/connections.ts#rotateAvailabilityKeyAction": "admin",
  "lib/actions/connections.ts#listWriteInProductsAction": "admin",
  // The test notification calls out to the saved webhook URL signed with the stored secret.
  "lib/actions/connections.ts#sendTestNotificationAction": "admin",

  // Sandboxes: editing the simulated systems' records
  "lib/actions/sandbox.ts#updateSandboxRecordAction": "admin",
  "lib/actions/sandbox.ts#createSandboxRecordAction": "admin",

  // Route handlers
  "GET /api/auth/[...nextauth]": "public: Auth.js's session and CSRF endpoints serve signed-out visitors",
  "POST /api/auth/[...nextauth]": "public: Auth.js's credentials callback is how a visitor signs in",
  "GET /api/jobs/[id]/errors": "viewer",
  "GET /api/health": "public: load balancers and uptime checks call it without a session",
  "GET /api/cron/tick": "public: schedulers call it with the CRON_SECRET bearer token instead of a session",
  "POST /api/cron/tick": "public: schedulers call it with the CRON_SECRET bearer token instead of a session",
  "POST /sandbox/auth/[tenant]/oauth2/v2.0/token": "public: OAuth2 clients exchange their credentials for tokens here",
  "GET /sandbox/crm/api/data/v9.2/[[...path]]": "public: the CRM sandbox checks its OAuth2 bearer tokens itself",
  "POST /sandbox/crm/api/data/v9.2/[[...path]]": "public: the CRM sandbox checks its OAuth2 bearer tokens itself",
  "PATCH /sandbox/crm/api/data/v9.2/[[...path]]": "public: the CRM sandbox checks its OAuth2 bearer tokens itself",
  "DELETE /sandbox/crm/api/data/v9.2/[[...path]]": "public: the CRM sandbox checks its OAuth2 bearer tokens itself",
  "GET /sandbox/erp/api/[...path]": "public: the ERP sandbox checks its OAuth2 bearer tokens itself",
  "POST /sandbox/erp/api/[...path]": "public: the ERP sandbox checks its OAuth2 bearer tokens itself",
  "PATCH /sandbox/erp/api/[...path]": "public: the ERP sandbox checks its OAuth2 bearer tokens itself",
  "DELETE /sandbox/erp/api/[...path]": "public: the ERP sandbox checks its OAuth2 bearer tokens itself",
} as const satisfies ReviewedTable;
