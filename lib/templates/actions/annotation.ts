// smart_tool, pre_annotation, post_annotation and custom: short tasks on made-up items, each
// reporting progress and metrics, returning what it produced as the result.
import type { ActionSpec } from "./types";

export const autoLabel: ActionSpec = {
  name: "auto_label",
  module: "auto_label",
  className: "AutoLabelAction",
  method: "task",
  description: "Suggest annotations for one item (the smart tool an annotator calls).",
  params: [
    { name: "label", type: "str", default: "object", label: "Label" },
    { name: "threshold", type: "float", default: 0.5, label: "Confidence threshold", min: 0, max: 1, step: 0.05 },
  ],
  body: String.raw`        # Replace with your model: here three fixed boxes with made-up scores.
        candidates = [(10, 10, 50, 40, 0.9), (60, 20, 30, 30, 0.6), (5, 70, 20, 20, 0.3)]
        annotations = []
        for n, (x, y, w, h, score) in enumerate(candidates, start=1):
            if score >= threshold:
                annotations.append({"label": label, "box": [x, y, w, h], "score": score})
            self.ctx.set_progress(n, len(candidates), "auto_label")
        self.ctx.set_metrics({"suggested": len(annotations)}, "auto_label")
        return {"annotations": annotations}
`,
};

export const preAnnotation: ActionSpec = {
  name: "pre_annotation",
  module: "pre_annotation",
  className: "PreAnnotationAction",
  method: "task",
  description: "Annotate tasks before people review them.",
  params: [
    { name: "tasks", type: "int", default: 10, label: "Tasks", min: 1, max: 100000, step: 1 },
    { name: "label", type: "str", default: "object", label: "Label" },
  ],
  body: String.raw`        annotated = []
        for n in range(1, tasks + 1):
            # Replace with your model's prediction for task n.
            annotated.append({"task": n, "annotations": [{"label": label, "box": [n, n, 10, 10]}]})
            self.ctx.set_progress(n, tasks, "pre_annotation")
        self.ctx.set_metrics({"tasks": tasks, "annotations": len(annotated)}, "pre_annotation")
        self.ctx.log_message(f"Pre-annotated {tasks} tasks")
        return {"tasks": annotated[:100], "count": tasks}
`,
};

export const postAnnotation: ActionSpec = {
  name: "post_annotation",
  module: "post_annotation",
  className: "PostAnnotationAction",
  method: "task",
  description: "Clean up finished annotations: drop boxes below a minimum area.",
  params: [{ name: "min_area", type: "int", default: 100, label: "Minimum box area (px²)", min: 0, step: 1 }],
  body: String.raw`        # Replace with the annotations of your tasks.
        boxes = [{"id": n, "box": [0, 0, n * 3, n * 2]} for n in range(1, 21)]
        kept = []
        for n, item in enumerate(boxes, start=1):
            _, _, w, h = item["box"]
            if w * h >= min_area:
                kept.append(item)
            self.ctx.set_progress(n, len(boxes), "post_annotation")
        self.ctx.set_metrics({"kept": len(kept), "removed": len(boxes) - len(kept)}, "post_annotation")
        return {"kept": len(kept), "removed": len(boxes) - len(kept)}
`,
};

export const run: ActionSpec = {
  name: "run",
  module: "run",
  className: "RunAction",
  method: "task",
  description: "Do the plugin's work: replace the body of execute().",
  imports: ["time"],
  params: [
    { name: "message", type: "str", default: "Hello", label: "Message" },
    { name: "steps", type: "int", default: 3, label: "Steps", min: 1, max: 1000, step: 1 },
  ],
  body: String.raw`        for n in range(1, steps + 1):
            self.ctx.log_message(f"{message} ({n}/{steps})")
            self.ctx.set_progress(n, steps, "run")
            time.sleep(0.05)
        self.ctx.set_metrics({"steps": steps}, "run")
        return {"message": message, "steps": steps}
`,
};
