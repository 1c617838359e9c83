// The dashboard's server, called with Telegram's raw initData as the credential of every request
// (the contract is in the server's API module docstring).

export class ApiError extends Error {
  constructor(status, body) {
    super(body?.message ?? body?.error ?? `HTTP ${status}`);
    this.status = status;
    this.body = body ?? {};
  }
}

export class Api {
  constructor(initData, base = new URL("api/", document.baseURI)) {
    this.initData = initData;
    this.base = base;
  }

  url(path, query = {}) {
    const url = new URL(path.replace(/^\//, ""), this.base);
    for (const [name, value] of Object.entries(query)) {
      if (value === undefined || value === null || value === "") continue;
      for (const one of Array.isArray(value) ? value : [value]) url.searchParams.append(name, one);
    }
    return url;
  }

  async request(method, path, { query, body } = {}) {
    const headers = { Authorization: `tma ${this.initData}` };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    const response = await fetch(this.url(path, query), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "omit",
      cache: "no-store",
    });
    const text = await response.text();
    const data = text ? safeJson(text) : {};
    if (!response.ok) throw new ApiError(response.status, data);
    return data;
  }

  get(path, query) {
    return this.request("GET", path, { query });
  }

  post(path, body = {}) {
    return this.request("POST", path, { body });
  }

  // A chart the server draws (SVG), as a data: URL for an <img>: fetched with the credential,
  // which an <img src> could not send, and shown where no script of it can run.
  async image(path, query) {
    const response = await fetch(this.url(path, query), {
      headers: { Authorization: `tma ${this.initData}` },
      credentials: "omit",
      cache: "no-store",
    });
    const text = await response.text();
    if (!response.ok) throw new ApiError(response.status, safeJson(text));
    return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
  }

  // A file the operator chose, sent as multipart/form-data in the field `field`.
  async upload(path, file, query = {}, field = "file") {
    const form = new FormData();
    form.append(field, file, file.name);
    const response = await fetch(this.url(path, query), {
      method: "POST",
      headers: { Authorization: `tma ${this.initData}` },
      body: form,
      credentials: "omit",
      cache: "no-store",
    });
    const text = await response.text();
    const data = text ? safeJson(text) : {};
    if (!response.ok) throw new ApiError(response.status, data);
    return data;
  }

  // A file the server makes (an export): fetched with the credential, handed to the browser.
  async download(path, query, fallbackName) {
    const response = await fetch(this.url(path, query), {
      headers: { Authorization: `tma ${this.initData}` },
      credentials: "omit",
      cache: "no-store",
    });
    if (!response.ok) throw new ApiError(response.status, safeJson(await response.text()));
    const blob = await response.blob();
    const disposition = response.headers.get("Content-Disposition") ?? "";
    // RFC 5987 first: a name in the reader's language (a template's) is not ASCII.
    const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
    const name = encoded ? decodeURIComponent(encoded) : (/filename="?([^";]+)"?/.exec(disposition)?.[1] ?? fallbackName);
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = name;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
    return { name, size: blob.size };
  }
}

function safeJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return { error: text.slice(0, 200) };
  }
}
