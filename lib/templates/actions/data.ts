// export, upload and data_validation: each walks made-up records (the place the author plugs a real
// data source in), reporting progress per record. export reads a project's items through the hub's
// runtime (ctx.export_items) and writes into ctx.output_dir, whose files become the run's artifacts.
import type { ActionSpec } from "./types";

export const exportAction: ActionSpec = {
  name: "export",
  module: "export",
  className: "ExportAction",
  method: "job",
  description: "Export the selected target as a JSON Lines file in the run's output folder, uploaded as its artifact.",
  imports: ["json", "os"],
  params: [
    { name: "target", type: "str", default: "ground_truth", label: "What to export", required: true, options: ["assignment", "ground_truth", "task"] },
    { name: "limit", type: "int", default: 20, label: "Maximum records", min: 1, max: 100000, step: 1 },
  ],
  // The hub's runtime: the items of the project the launch names (params.filter, as the SDK's
  // ExportParams carry it), read page by page; files in ctx.output_dir become the run's artifacts.
  body: String.raw`        filters = dict(self.params.get("filter") or {})
        if filters:
            items = self.ctx.export_items(target, filters)
            total = min(items.count, limit)
        else:
            # Launched without a project (not from a project page): made-up items, so the plugin runs as generated.
            self.ctx.log_message("No filter given (as {'project': <id>}): exporting sample records", "warning")
            items = ({"id": n, "data": {"label": "cat" if n % 2 else "dog"}, "files": {}} for n in range(1, limit + 1))
            total = limit
        path = os.path.join(self.ctx.output_dir, f"{target}.jsonl")
        count = 0
        with open(path, "w") as f:
            for item in items:
                if count == limit:
                    break
                # Replace with your conversion; self.ctx.original_file(item) downloads the item's file.
                record = {"id": item["id"], "target": target, "data": item["data"], "file": item["files"].get("file_name_original")}
                f.write(json.dumps(record) + "\n")
                count += 1
                self.ctx.set_progress(count, total, "export")
        if count == 0:
            self.ctx.set_progress(1, 1, "export")  # an empty export is complete
        self.ctx.log("export_data_file", {"name": f"{target}.jsonl", "count": count})
        self.ctx.set_metrics({"records": count}, "export")
        self.ctx.log_message(f"Exported {count} {target} records to {target}.jsonl")
        return {"files": [f"{target}.jsonl"], "count": count, "target": target}
`,
  sdkBody: String.raw`        path = f"{target}.jsonl"
        with open(path, "w") as f:
            for n in range(1, limit + 1):
                # Replace with your records: the SDK's export action (synapse_sdk.plugins.actions.export) reads a project's.
                record = {"id": n, "target": target, "data": {"label": "cat" if n % 2 else "dog"}}
                f.write(json.dumps(record) + "\n")
                self.ctx.set_progress(n, limit, "export")
        self.ctx.save_artifact(path)
        self.ctx.log("export_data_file", {"name": path, "count": limit})
        self.ctx.set_metrics({"records": limit}, "export")
        self.ctx.log_message(f"Exported {limit} {target} records to {path}")
        return {"files": [path], "count": limit, "target": target}
`,
};

export const upload: ActionSpec = {
  name: "upload",
  module: "upload",
  className: "UploadAction",
  method: "job",
  description: "Upload files to a collection, one by one, and save a manifest of what was sent.",
  imports: ["hashlib", "json"],
  params: [
    { name: "collection", type: "str", default: "default", label: "Collection", help: "Where the files go." },
    { name: "files", type: "int", default: 5, label: "Files", min: 1, max: 10000, step: 1 },
  ],
  body: String.raw`        manifest, sent = [], 0
        for n in range(1, files + 1):
            # Replace with your upload: read a real file and send it to your storage.
            content = f"file {n} of {collection}\n".encode()
            manifest.append({"name": f"file-{n:04d}.txt", "size": len(content), "sha256": hashlib.sha256(content).hexdigest()})
            sent += len(content)
            self.ctx.set_progress(n, files, "upload")
        self.ctx.set_metrics({"files": files, "bytes": sent}, "upload")
        with open("manifest.json", "w") as f:
            json.dump({"collection": collection, "files": manifest}, f, indent=2)
        self.ctx.save_artifact("manifest.json")
        self.ctx.log_message(f"Uploaded {files} files ({sent} bytes) to {collection}")
        return {"collection": collection, "files": files, "bytes": sent}
`,
};

export const validation: ActionSpec = {
  name: "validation",
  module: "validation",
  className: "ValidationAction",
  method: "task",
  description: "Check every record against the rules and report what does not pass.",
  params: [
    { name: "records", type: "int", default: 50, label: "Records", min: 1, max: 100000, step: 1 },
    { name: "required_label", type: "bool", default: true, label: "Require a label" },
  ],
  body: String.raw`        errors = []
        for n in range(1, records + 1):
            # Replace with your records and rules: here every seventh record has no label.
            record = {"id": n, "label": None if n % 7 == 0 else "cat"}
            if required_label and not record["label"]:
                errors.append({"id": n, "field": "label", "message": "is missing"})
            if n % max(1, records // 10) == 0 or n == records:
                self.ctx.set_progress(n, records, "validation")
        self.ctx.set_metrics({"checked": records, "invalid": len(errors)}, "validation")
        self.ctx.log_message(f"{records - len(errors)} of {records} records pass")
        return {"valid": not errors, "checked": records, "errors": errors[:100]}
`,
};
