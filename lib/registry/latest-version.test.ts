import { describe, expect, it } from "vitest";
import { latestVersion, sortVersionsDesc } from "./latest-version";

describe("latestVersion", () => {
  it("is the highest stable version that is not yanked", () => {
    const versions = [
      { version: "1.10.0", yanked: false },
      { version: "1.9.0", yanked: false },
      { version: "2.0.0", yanked: true },
      { version: "2.1.0-beta.1", yanked: false },
    ];
    expect(latestVersion(versions)).toBe("1.10.0");
  });

  it("falls back to prereleases, and to null when everything is yanked", () => {
    expect(latestVersion([{ version: "0.1.0-rc.1", yanked: false }])).toBe("0.1.0-rc.1");
    expect(latestVersion([{ version: "1.0.0", yanked: true }])).toBeNull();
  });

  it("sorts by semver, not by text", () => {
    expect(sortVersionsDesc([{ version: "1.9.0" }, { version: "1.10.0" }, { version: "1.10.0-rc.1" }]).map((v) => v.version)).toEqual([
      "1.10.0",
      "1.10.0-rc.1",
      "1.9.0",
    ]);
  });
});

describe("latestVersion and debug releases", () => {
  it("never picks a debug release, even the highest or the only one", () => {
    expect(
      latestVersion([
        { version: "1.0.0", yanked: false },
        { version: "2.0.0", yanked: false, debug: true },
      ]),
    ).toBe("1.0.0");
    expect(latestVersion([{ version: "0.1.0", yanked: false, debug: true }])).toBeNull();
  });
});
