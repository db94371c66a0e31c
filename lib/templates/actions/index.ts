// The default actions of each category's template (DESIGN.md §1 lists the known ones).
import type { Category } from "../../registry/config/categories";
import { autoLabel, postAnnotation, preAnnotation, run } from "./annotation";
import { exportAction, upload, validation } from "./data";
import { inference, test, train } from "./neural-net";
import type { ActionSpec } from "./types";

export const TEMPLATE_ACTIONS: Record<Category, ActionSpec[]> = {
  neural_net: [train, test, inference],
  export: [exportAction],
  upload: [upload],
  smart_tool: [autoLabel],
  pre_annotation: [preAnnotation],
  post_annotation: [postAnnotation],
  data_validation: [validation],
  custom: [run],
};

export type { ActionSpec, ExecuteAction, ParamSpec, ServeAction } from "./types";
