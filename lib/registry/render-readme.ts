import "server-only";
import { marked } from "marked";
import sanitizeHtml from "sanitize-html";

/**
 * README markdown → HTML that is safe to inline: an allow-list of tags and attributes, no scripts,
 * no event handlers, and only http(s)/mailto links (no javascript: or data: URLs).
 */
export function renderReadme(markdown: string): string {
  if (!markdown.trim()) return "";
  const html = marked.parse(markdown, { async: false, gfm: true });
  return sanitizeHtml(html, {
    allowedTags: [...sanitizeHtml.defaults.allowedTags, "img", "del", "input", "details", "summary"],
    allowedAttributes: {
      a: ["href", "title", "rel", "target"],
      img: ["src", "alt", "title", "width", "height"],
      code: ["class"],
      input: ["type", "checked", "disabled"],
      th: ["align"],
      td: ["align"],
    },
    allowedSchemes: ["http", "https", "mailto"],
    allowedSchemesByTag: { img: ["http", "https"] },
    allowProtocolRelative: false,
    // The page already has its h1 (the plugin's name); README headings move one level down.
    transformTags: {
      h1: "h2",
      h2: "h3",
      h3: "h4",
      h4: "h5",
      h5: "h6",
      a: sanitizeHtml.simpleTransform("a", { rel: "nofollow noopener noreferrer", target: "_blank" }),
      input: (_tag, attribs) => ({ tagName: "input", attribs: { ...attribs, disabled: "" } }),
    },
  });
}
