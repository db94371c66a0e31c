import { beforeAll, describe, expect, it } from "vitest";
import { pluginZip, publish, uniqueCode } from "@/tests/helpers/hub";
import { withSdkClient } from "@/tests/helpers/sdk";

// Every read the real Synapse SDK's BackendClient (synapse-sdk 2026.2.17, from .venv-sdk/) offers for
// plugins and releases, called by the client itself against the test hub.
type Release = { id: string; plugin: string | { code: string; name: string; category: string }; version: string; checksum: string; config: { code: string } };

describe("the Synapse SDK's backend client against the hub", () => {
  const code = uniqueCode("sdkc");
  let ids: Record<string, string> = {};

  beforeAll(async () => {
    for (const version of ["0.1.0", "0.2.0"]) {
      const response = await publish(pluginZip({ code, version }));
      expect(response.status).toBe(201);
    }
    const releases = await withSdkClient<Release[]>("out = client.list_plugin_releases(args['code'])", { code });
    ids = Object.fromEntries(releases.map((r) => [r.version, r.id]));
  }, 60_000);

  it("get_plugin by code and by id, with its releases", async () => {
    const out = await withSdkClient<{ byCode: { id: string; code: string; releases: Release[] }; byId: { code: string } }>(
      "by_code = client.get_plugin(args['code'])\nout = {'byCode': by_code, 'byId': client.get_plugin(by_code['id'])}",
      { code },
    );
    expect(out.byCode.code).toBe(code);
    expect(out.byCode.releases.map((r) => r.version)).toEqual(["0.2.0", "0.1.0"]);
    expect(out.byId.code).toBe(code);
  });

  it("list_plugin_releases of one plugin, with extra params passed through", async () => {
    const out = await withSdkClient<{ all: Release[]; first: Release[] }>(
      "out = {'all': client.list_plugin_releases(args['code']), 'first': client.list_plugin_releases(args['code'], params={'page_size': 1})}",
      { code },
    );
    expect(out.all.map((r) => r.version).sort()).toEqual(["0.1.0", "0.2.0"]);
    expect(out.all.every((r) => r.plugin === code)).toBe(true);
    expect(out.first).toHaveLength(1);
  });

  it("get_plugin_release by id, plain and with expand=plugin", async () => {
    const out = await withSdkClient<{ plain: Release; expanded: Release }>(
      "out = {'plain': client.get_plugin_release(args['id']), 'expanded': client.get_plugin_release(args['id'], params={'expand': 'plugin'})}",
      { id: ids["0.1.0"] },
    );
    expect(out.plain).toMatchObject({ id: ids["0.1.0"], plugin: code, version: "0.1.0", config: { code } });
    expect(out.expanded.plugin).toMatchObject({ code, category: "custom" });
  });

  it("get_plugin_release_by_lookup('code@version') and by id: the plugin nested, as the agent bootstrap reads it", async () => {
    const out = await withSdkClient<{ byLookup: Release; byId: Release; bare: Release }>(
      [
        "out = {",
        "  'byLookup': client.get_plugin_release_by_lookup(f\"{args['code']}@0.2.0\"),",
        "  'byId': client.get_plugin_release_by_lookup(args['id']),",
        "  'bare': client.get_plugin_release_by_lookup(f\"{args['code']}@0.1.0\", expand=None),",
        "}",
      ].join("\n"),
      { code, id: ids["0.1.0"] },
    );
    expect(out.byLookup).toMatchObject({ id: ids["0.2.0"], version: "0.2.0", plugin: { code } });
    expect(out.byId).toMatchObject({ id: ids["0.1.0"], version: "0.1.0", plugin: { code } });
    expect(out.bare).toMatchObject({ version: "0.1.0", plugin: code });
  });

  it("answers the client's typed 404 for a release or plugin that does not exist", async () => {
    const out = await withSdkClient<number[]>(
      [
        "from synapse_sdk.exceptions import ClientError",
        "out = []",
        "for call in (lambda: client.get_plugin_release_by_lookup(f\"{args['code']}@9.9.9\"), lambda: client.get_plugin('no-such-plugin-x'), lambda: client.get_plugin_release_by_lookup('nonsense')):",
        "    try:",
        "        call()",
        "        out.append(200)",
        "    except ClientError as error:",
        "        out.append(error.status_code)",
      ].join("\n"),
      { code },
    );
    expect(out).toEqual([404, 404, 404]);
  });

  it("list_agents: the hub as its one agent (what `synapse doctor` checks a token with); a bad token is refused", async () => {
    const agents = await withSdkClient<{ id: number; name: string }[]>("out = [agent.model_dump() for agent in client.list_agents()]");
    expect(agents).toEqual([expect.objectContaining({ id: 1, name: "synapse-hub" })]);
    const refused = await withSdkClient<number>(
      "from synapse_sdk.exceptions import ClientError\ntry:\n    client.list_agents()\n    out = 200\nexcept ClientError as error:\n    out = error.status_code",
      {},
      "shub_not_a_token",
    );
    expect(refused).toBe(401);
  });
});
