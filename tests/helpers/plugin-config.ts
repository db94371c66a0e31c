// A minimal valid config.yaml, with overrides, for tests that build plugin archives.
export function configYaml({
  code = "test-plugin",
  version = "1.0.0",
  category = "custom",
  extra = "",
  name = undefined as string | undefined,
  description = "A plugin built by the test suite.",
} = {}): string {
  return [
    `name: ${JSON.stringify(name ?? `Test Plugin ${code}`)}`,
    `code: ${code}`,
    `version: "${version}"`,
    `category: ${category}`,
    `description: ${JSON.stringify(description)}`,
    "actions:",
    "  run:",
    "    entrypoint: plugin.main:run",
    extra,
  ].join("\n");
}
