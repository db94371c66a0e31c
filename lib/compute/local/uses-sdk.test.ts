import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { importsSdk, requirementsNameSdk, usesSdk } from "./uses-sdk";

const root = mkdtempSync(path.join(os.tmpdir(), "uses-sdk-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function plugin(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(root, "p-"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

describe("usesSdk", () => {
  it.each([
    "synapse-sdk",
    "Synapse_SDK>=2026.1",
    "synapse.sdk[all] == 2026.2.17 ; python_version >= '3.12'",
    "  synapse--sdk  # the SDK",
    "synapse-sdk @ https://x/y.whl",
  ])("requirements line %j names the SDK", (line) => expect(requirementsNameSdk(`numpy\n${line}\n`)).toBe(true));

  it.each(["synapse-sdk-extra", "# synapse-sdk", "-r synapse-sdk.txt", "synapsesdk", "my-synapse-sdk"])("requirements line %j does not", (line) =>
    expect(requirementsNameSdk(line)).toBe(false),
  );

  it.each(["from synapse_sdk.plugins.action import BaseAction", "import synapse_sdk", "import os, synapse_sdk.plugins as p", "    from synapse_sdk import x"])(
    "source %j imports it",
    (source) => expect(importsSdk(`import json\n${source}\n`)).toBe(true),
  );

  it.each(["# from synapse_sdk import x", "import synapse_sdk_extra", "x = 'import synapse_sdk'", "from mypkg.synapse_sdk import y"])(
    "source %j does not",
    (source) => expect(importsSdk(source)).toBe(false),
  );

  it("looks at requirements.txt and at every .py file in the folder, nested ones too", async () => {
    expect(await usesSdk(plugin({ "requirements.txt": "numpy\n", "main.py": "import json\n" }))).toBe(false);
    expect(await usesSdk(plugin({ "requirements.txt": "Synapse_SDK\n" }))).toBe(true);
    expect(await usesSdk(plugin({ "pkg/sub/actions.py": "from synapse_sdk.plugins.action import BaseAction\n" }))).toBe(true);
    expect(await usesSdk(plugin({ "__pycache__/x.py": "import synapse_sdk\n" }))).toBe(false);
  });
});
