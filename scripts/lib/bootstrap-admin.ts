// Gives a fresh test hub its admin and an all-scopes API token, through the public API.
export const TEST_ADMIN = { name: "Test Admin", email: "admin@test.example", password: "test admin password" };

export async function bootstrapAdmin(url: string): Promise<{ token: string; cookie: string }> {
  const headers = { "content-type": "application/json", origin: url };
  const setup = await fetch(`${url}/api/v1/setup`, { method: "POST", headers, body: JSON.stringify(TEST_ADMIN) });
  if (setup.status !== 201) throw new Error(`setting up the test admin failed: ${setup.status} ${await setup.text()}`);
  const cookie = setup.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const created = await fetch(`${url}/api/v1/tokens`, {
    method: "POST",
    headers: { ...headers, cookie },
    body: JSON.stringify({ name: "test suite", scopes: ["read", "publish", "run"], expiresInDays: 1 }),
  });
  if (created.status !== 201) throw new Error(`creating the test token failed: ${created.status} ${await created.text()}`);
  return { token: ((await created.json()) as { token: string }).token, cookie };
}
