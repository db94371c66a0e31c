// README.md of a generated plugin: what each action does, how to run it on a laptop and publish it.
import { TEMPLATE_ACTIONS } from "./actions";
import { entrypointOf } from "./render-config";
import { categoryPhrase, type TemplateVariables } from "./schemas";

export function renderReadme(vars: TemplateVariables): string {
  const actions = TEMPLATE_ACTIONS[vars.category];
  const sdk = vars.runtime === "sdk";
  const first = actions.find((a) => a.method !== "serve") ?? actions[0];
  const served = actions.find((a) => a.method === "serve");
  const runLocally = sdk
    ? [
        "```bash",
        "python3.12 -m venv .venv && .venv/bin/pip install -r requirements.txt",
        `SYNAPSE_ACTION_ENTRYPOINT=${entrypointOf(first).replace(":", ".")} SYNAPSE_ACTION_PARAMS='{}' .venv/bin/python -m synapse_sdk.plugins.entrypoint`,
        "```",
        "",
        "Without `SYNAPSE_HOST` and a job id the SDK's runner only logs to the console.",
      ]
    : [
        "```bash",
        `PYTHONPATH=<synapse-hub>/runtime:. python3 -m synapse_hub_runtime ${entrypointOf(first)} --params '{}'`,
        "```",
        "",
        "Without a hub to report to, the runtime prints progress, metrics and the result on the console.",
      ];
  return [
    `# ${vars.name}`,
    "",
    vars.description,
    "",
    `${categoryPhrase(vars.category).replace(/^a/, "A")} (\`${vars.code}\`, version ${vars.version}) on ${sdk ? "the Synapse SDK" : "the hub's own runtime (standard library only)"}. Every action below runs as generated: replace the made-up data in each module with your own.`,
    "",
    "## Actions",
    "",
    "| action | method | entrypoint | what it does |",
    "| --- | --- | --- | --- |",
    ...actions.map((a) => `| \`${a.name}\` | ${a.method} | \`${entrypointOf(a)}\` | ${a.description.replaceAll("|", "\\|")} |`),
    "",
    "Each reports progress (`ctx.set_progress`) and metrics (`ctx.set_metrics`); the params are listed in `config.yaml`.",
    ...(served
      ? [
          "",
          `\`${served.name}\` is a deployment: once it runs, the hub proxies it at \`/serve/<run>/\`.`,
          "",
          "```bash",
          `curl -X POST <hub>/serve/<run>/predict -H 'content-type: application/json' -d '${JSON.stringify(served.example)}'`,
          "```",
        ]
      : []),
    "",
    "## Run an action locally",
    "",
    ...runLocally,
    "",
    "## Publish",
    "",
    "```bash",
    "npx synapse-hub publish .",
    "```",
    "",
    "Versions are immutable: raise `version` in `config.yaml` to publish a change.",
    "",
  ].join("\n");
}
