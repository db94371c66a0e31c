// The `synapse-hub` command line: publish and fetch plugins from a terminal or CI.
import { parseArgs } from "node:util";
import { HubClient } from "./client";
import { create } from "./commands/create";
import { dev } from "./commands/dev";
import { download } from "./commands/download";
import { login } from "./commands/login";
import { pack, publish } from "./commands/publish";
import { plugins, versions } from "./commands/browse";
import { yank } from "./commands/yank";
import { resolveConnection } from "./config";
import { CliError, usageError } from "./errors";

const USAGE = `Usage: synapse-hub <command> [options]

Commands:
  login --host <url> [--token <t> | --token-stdin]   save the hub's address and your token
  publish [dir|archive] [--debug]                    pack a plugin folder (or take an archive) and publish it;
                                                     --debug: a debug release (replaced when republished, never latest)
  pack <dir> [-o file]                               build the archive publish would upload
  dev <dir>                                          publish the folder as a debug release, again on every save, with a link to launch it
  plugins [query] [--category <c>] [--limit <n>]     search the catalog
  versions <code>                                    list a plugin's versions
  download <code>[@version] [-o file]                download and verify an archive
  yank <code>@<version> [--reason <r>] [--undo]      hide a version from "latest" (or restore it)
  create [--name <n>] [--category <c>] [--code <c>] [--version <v>] [--description <d>] [--runtime hub|sdk] [--out <dir>]
                                                     start a plugin from its category's template (asks on a terminal)

Options for every command:
  --host <url>    hub to talk to (else SYNAPSE_HUB_HOST, else the saved login)
  --token <t>     API token (else SYNAPSE_HUB_TOKEN, else the saved login)
  --json          machine-readable output
  -h, --help      this help

Exit codes: 0 success, 1 the operation failed, 2 bad usage or configuration.`;

const OPTIONS = {
  host: { type: "string" },
  token: { type: "string" },
  "token-stdin": { type: "boolean" },
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
  output: { type: "string", short: "o" },
  category: { type: "string" },
  limit: { type: "string" },
  reason: { type: "string" },
  undo: { type: "boolean" },
  name: { type: "string" },
  code: { type: "string" },
  version: { type: "string" },
  description: { type: "string" },
  runtime: { type: "string" },
  out: { type: "string" },
  debug: { type: "boolean" },
} as const;

export async function main(argv: string[]): Promise<number> {
  let json = argv.includes("--json");
  try {
    const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    json = Boolean(values.json);
    const [command, ...rest] = positionals;
    if (values.help || !command || command === "help") {
      process.stdout.write(`${USAGE}\n`);
      return command || values.help ? 0 : 2;
    }
    const output = { json };
    const client = async () => new HubClient(await resolveConnection(values));
    const arg = (name: string) => rest[0] ?? Promise.reject(usageError(`${command} needs <${name}>.`));
    switch (command) {
      case "login":
        return await done(login(values, output));
      case "publish":
        return await done(publish(await client(), rest[0] ?? ".", output, { debug: values.debug }));
      case "dev":
        return await done(dev(await client(), await arg("dir"), output));
      case "pack":
        return await done(pack(await arg("dir"), values.output, output));
      case "plugins":
        return await done(plugins(await client(), rest[0], values, output));
      case "versions":
        return await done(versions(await client(), await arg("code"), output));
      case "download":
        return await done(download(await client(), await arg("code[@version]"), values.output, output));
      case "yank":
        return await done(yank(await client(), await arg("code@version"), values, output));
      case "create":
        return await done(create(values, output));
      default:
        throw usageError(`Unknown command "${command}". Run synapse-hub --help.`);
    }
  } catch (error) {
    return fail(error, json);
  }
}

async function done(work: Promise<void>): Promise<number> {
  await work;
  return 0;
}

function fail(error: unknown, json: boolean): number {
  const cliError =
    error instanceof CliError
      ? error
      : (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")
        ? usageError((error as Error).message)
        : new CliError((error as Error).message);
  if (json) {
    process.stdout.write(`${JSON.stringify({ error: { message: cliError.message, code: cliError.code ?? null, details: cliError.details } }, null, 2)}\n`);
  } else {
    process.stderr.write(`synapse-hub: ${cliError.message}\n${cliError.details.map((d) => `  ${d}\n`).join("")}`);
  }
  return cliError.exitCode;
}
