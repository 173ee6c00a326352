import type { SchemaCatalog } from "@/lib/mapping/model/catalog";
import type { RetryPolicy } from "./odata/odata-client";
import type { RequestMeter } from "./usage/request-meter";
import type { ClientCredentials, FetchLike, TokenProvider } from "./odata/token-provider";

/** What both connectors take: credentials or a token provider, and the knobs tests and benchmarks turn. */
export type CommonConnectorOptions = {
  credentials?: ClientCredentials;
  tokens?: TokenProvider;
  fetch?: FetchLike;
  /** A known catalog (the static one offline); without it the connector describes the system once, lazily. */
  catalog?: SchemaCatalog;
  retry?: Partial<RetryPolicy>;
  timeoutMs?: number;
  meter?: RequestMeter;
  pageSize?: number;
  maxBatch?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
};
