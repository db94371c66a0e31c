// Every file of a generated plugin, in the Synapse SDK's layout: config.yaml, README.md,
// requirements.txt, pyproject.toml, .gitignore, .synapseignore, plugin/__init__.py and one module per
// default action. Pure (no I/O): the CLI writes the files, the API zips them, the form previews them.
import { TEMPLATE_ACTIONS } from "./actions";
import { renderConfig } from "./render-config";
import { renderActionModule } from "./render-action";
import { renderReadme } from "./render-readme";
import { SDK_REQUIREMENT, type TemplateVariables } from "./schemas";

export type TemplateFile = { path: string; content: string };

const GITIGNORE = `# Python
__pycache__/
*.py[cod]
.venv/
venv/
*.egg-info/
dist/
build/

# What running actions locally writes
artifacts/
*.log

# Editors and tools
.idea/
.vscode/
*.swp
.pytest_cache/
.ruff_cache/
.DS_Store
`;

const SYNAPSEIGNORE = `# Left out of the plugin archive (on top of .gitignore)
.git
.venv
venv
__pycache__
*.pyc
.pytest_cache
.ruff_cache
*.egg-info
dist
build
artifacts
`;

// The SDK's context has no save_artifact; the hub gives every run an artifacts folder and lists what
// lands there once an `artifact` event names it (what its own runtime's save_artifact does).
const SDK_INIT_HELPER = `
import hashlib
import os
import shutil


def save_artifact(ctx, path):
    """Keeps a file with the run: copied into the run's artifacts folder, and announced to the hub."""
    folder = os.environ.get("SYNAPSE_ARTIFACTS_DIR", "artifacts")
    os.makedirs(folder, exist_ok=True)
    name = os.path.basename(path)
    target = os.path.join(folder, name)
    shutil.copyfile(path, target)
    with open(target, "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    ctx.log("artifact", {"name": name, "size": os.path.getsize(target), "sha256": digest})
    return target
`;

function pyproject(vars: TemplateVariables): string {
  const sdk = vars.runtime === "sdk";
  return [
    "[project]",
    `name = ${JSON.stringify(vars.code)}`,
    `version = ${JSON.stringify(vars.version)}`,
    `description = ${JSON.stringify(vars.description)}`,
    `requires-python = ${JSON.stringify(sdk ? ">=3.12" : ">=3.10")}`,
    `dependencies = [${sdk ? JSON.stringify(SDK_REQUIREMENT) : ""}]`,
    "",
  ].join("\n");
}

export function renderFiles(vars: TemplateVariables): TemplateFile[] {
  const sdk = vars.runtime === "sdk";
  const pythonText = (s: string) => s.replaceAll("\\", "\\\\").replaceAll('"', '\\"');
  const init = `"""${pythonText(vars.name)}: ${pythonText(vars.description)}"""\n${sdk && needsSaveHelper(vars) ? SDK_INIT_HELPER : ""}`;
  return [
    { path: "config.yaml", content: renderConfig(vars) },
    { path: "README.md", content: renderReadme(vars) },
    { path: "requirements.txt", content: sdk ? `${SDK_REQUIREMENT}\n` : "# Standard library only: the hub's runtime needs nothing installed.\n" },
    { path: "pyproject.toml", content: pyproject(vars) },
    { path: ".gitignore", content: GITIGNORE },
    { path: ".synapseignore", content: SYNAPSEIGNORE },
    { path: "plugin/__init__.py", content: init },
    ...TEMPLATE_ACTIONS[vars.category].map((action) => ({ path: `plugin/${action.module}.py`, content: `${renderActionModule(action, vars.runtime)}\n` })),
  ];
}

function needsSaveHelper(vars: TemplateVariables): boolean {
  return TEMPLATE_ACTIONS[vars.category].some((a) => a.method !== "serve" && (a.sdkBody ?? a.body).includes("self.ctx.save_artifact("));
}
