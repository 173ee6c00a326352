export * from "./catalog";
export * from "./direction";
export * from "./filter";
export * from "./json-value";
export * from "./runtime-config";
export * from "./table-mapping";
export * from "./transform";
