export * from "./enums";
export * from "./users";
export * from "./connections";
export * from "./mapping-versions";
export * from "./couplings";
export * from "./sync-jobs";
export * from "./sandbox";
export * from "./sync-state";
