// A small reader of the Fluent patterns the server sends (the bot's own .ftl files): text,
// `{ $name }` and one-level `{ $name -> [one] … *[other] … }` selections, which is all the
// dashboard's messages use. The result is plain text for text nodes, never markup.

export class Messages {
  constructor(locale, patterns) {
    this.locale = locale;
    this.patterns = patterns;
    this.plurals = new Intl.PluralRules(locale);
  }

  t(key, args = {}) {
    const pattern = this.patterns[key];
    if (pattern === undefined) return key;
    return this.format(pattern, args).replace(/\s*\n\s*/g, " ").trim();
  }

  has(key) {
    return key in this.patterns;
  }

  format(pattern, args) {
    let out = "";
    let i = 0;
    while (i < pattern.length) {
      const open = pattern.indexOf("{", i);
      if (open < 0) {
        out += pattern.slice(i);
        break;
      }
      out += pattern.slice(i, open);
      const close = matching(pattern, open);
      out += this.placeable(pattern.slice(open + 1, close).trim(), args);
      i = close + 1;
    }
    return out;
  }

  placeable(body, args) {
    if (body.startsWith('"')) return body.slice(1, -1);
    const arrow = body.indexOf("->");
    if (arrow < 0) return show(args[body.replace(/^\$/, "")]);
    const value = args[body.slice(0, arrow).trim().replace(/^\$/, "")];
    const variants = parseVariants(body.slice(arrow + 2));
    const key = String(value);
    const chosen =
      variants.find((v) => v.key === key) ??
      (typeof value === "number"
        ? variants.find((v) => v.key === this.plurals.select(value))
        : undefined) ??
      variants.find((v) => v.fallback);
    return chosen ? this.format(chosen.pattern.trim(), args) : "";
  }
}

function show(value) {
  return value === undefined || value === null ? "" : String(value);
}

function matching(pattern, open) {
  let depth = 0;
  for (let i = open; i < pattern.length; i += 1) {
    if (pattern[i] === "{") depth += 1;
    else if (pattern[i] === "}") {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return pattern.length;
}

// Variant heads (`[key]`, `*[key]`) only at the top level: a variant may hold a selection.
function parseVariants(text) {
  const heads = [];
  let depth = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (c === "{") depth += 1;
    else if (c === "}") depth -= 1;
    else if (depth === 0 && (c === "[" || (c === "*" && text[i + 1] === "["))) {
      const open = c === "*" ? i + 1 : i;
      const close = text.indexOf("]", open);
      heads.push({ start: i, end: close + 1, key: text.slice(open + 1, close).trim(), fallback: c === "*" });
      i = close;
    }
  }
  return heads.map((head, index) => ({
    key: head.key,
    fallback: head.fallback,
    pattern: text.slice(head.end, index + 1 < heads.length ? heads[index + 1].start : text.length),
  }));
}
