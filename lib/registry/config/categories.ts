// Categories and their known actions, from the Synapse SDK plugin system (DESIGN.md §1).
// Shared with the UI (chips, labels), so it holds no server code.

export const CATEGORIES = ["neural_net", "export", "upload", "smart_tool", "pre_annotation", "post_annotation", "data_validation", "custom"] as const;

export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_LABELS: Record<Category, string> = {
  neural_net: "Neural net",
  export: "Export",
  upload: "Upload",
  smart_tool: "Smart tool",
  pre_annotation: "Pre-annotation",
  post_annotation: "Post-annotation",
  data_validation: "Data validation",
  custom: "Custom",
};

export const METHODS = ["job", "task", "serve"] as const;
export type Method = (typeof METHODS)[number];

/** The SDK's default method for an action that does not name one. */
export function defaultMethod(action: string): Method {
  if (["train", "test", "export", "upload", "deployment", "download", "convert"].includes(action)) return "job";
  if (action === "inference") return "serve";
  return "task";
}
