import { describe, expect, it } from "vitest";
import { queueResponseCookies, withQueuedCookies } from "./response-cookies";

const archive = () => new Response("zip bytes", { headers: { "cache-control": "public, max-age=31536000, immutable", vary: "Accept-Encoding" } });

describe("withQueuedCookies", () => {
  it("makes a response that carries a renewed session cookie private and uncacheable", async () => {
    const req = new Request("http://hub.test/api/v1/plugins/x/versions/1.0.0/archive");
    queueResponseCookies(req, ["shub.session_token=abc; Max-Age=604800; Path=/; HttpOnly"]);
    const out = withQueuedCookies(req, archive());
    expect(out.headers.getSetCookie()).toEqual(["shub.session_token=abc; Max-Age=604800; Path=/; HttpOnly"]);
    expect(out.headers.get("cache-control")).toBe("private, no-store");
    expect(out.headers.get("vary")).toBe("Accept-Encoding, Cookie");
    expect(await out.text()).toBe("zip bytes");
  });

  it("also when the response's headers are immutable (straight from fetch)", () => {
    const req = new Request("http://hub.test/x");
    queueResponseCookies(req, ["a=1"]);
    const immutable = Response.redirect("http://hub.test/y", 302);
    const out = withQueuedCookies(req, immutable);
    expect(out.headers.get("cache-control")).toBe("private, no-store");
    expect(out.headers.get("vary")).toBe("Cookie");
  });

  it("leaves a response alone when no cookie was queued", () => {
    const out = withQueuedCookies(new Request("http://hub.test/x"), archive());
    expect(out.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(out.headers.get("vary")).toBe("Accept-Encoding");
  });
});
