// The dashboard in Telegram's web view: who is asking (initData), in which language, which group,
// and which screen. Each screen is a module of screens/ exporting `render(view, params)`.

import { Api, ApiError } from "./api.js";
import { h, replace } from "./dom.js";
import { Messages } from "./fluent.js";
import { Formats } from "./format.js";
import { applyTheme } from "./theme.js";
import * as overview from "./screens/overview.js";
import * as inbox from "./screens/inbox.js";
import * as polls from "./screens/polls.js";
import * as giveaways from "./screens/giveaways.js";
import * as videos from "./screens/videos.js";
import * as settings from "./screens/settings.js";

const SCREENS = { overview, inbox, polls, giveaways, videos, settings };
const GROUP_KEY = "fanpulse.group";

const webApp = window.Telegram?.WebApp;
const screen = document.getElementById("screen");

async function loadMessages(locale) {
  const response = await fetch(new URL(`texts/${encodeURIComponent(locale)}.json`, document.baseURI));
  return new Messages(locale, response.ok ? await response.json() : {});
}

function guessLocale() {
  const language = (webApp?.initDataUnsafe?.user?.language_code ?? navigator.language ?? "en").toLowerCase();
  if (/^zh-(hant|tw|hk|mo)/.test(language)) return "zh-Hant";
  return language.startsWith("zh") ? "zh" : "en";
}

function parseRoute() {
  const [name, query = ""] = location.hash.replace(/^#\/?/, "").split("?");
  return { name: SCREENS[name] ? name : "overview", params: Object.fromEntries(new URLSearchParams(query)) };
}

function routeHash(name, params = {}) {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== ""));
  return `#${name}${query.size ? `?${query}` : ""}`;
}

// The group a link from a group asked for, else the digest's, else the one chosen here last,
// else the one chosen with /groups, else the first.
function chooseGroup(me) {
  // A digest's button names its group in the address: data, kept only if it is one of theirs.
  const named = new URLSearchParams(location.search).get("group");
  const wanted = [me.start_group, named, sessionStorage.getItem(GROUP_KEY), me.current];
  for (const id of wanted) {
    const found = me.groups.find((group) => id !== null && String(group.id) === String(id));
    if (found) return found;
  }
  return me.groups[0];
}

class View {
  constructor(api, me, messages) {
    this.api = api;
    this.me = me;
    this.messages = messages;
    this.group = chooseGroup(me);
    this.formats = new Formats(messages.locale, this.group?.timezone);
    this.webApp = webApp;
  }

  t = (key, args) => this.messages.t(key, args);

  // The API says the group's time zone with its numbers; dates follow it from then on.
  learnGroup(group) {
    if (!group || String(group.id) !== String(this.group.id)) return;
    if (group.timezone && group.timezone !== this.group.timezone) {
      this.group.timezone = group.timezone;
      this.formats = new Formats(this.messages.locale, group.timezone);
    }
  }

  get canAct() {
    return this.group?.role === "operator" || this.group?.role === "administrator";
  }

  groupPath(path) {
    return `groups/${this.group.id}/${path}`;
  }

  go(name, params) {
    const hash = routeHash(name, params);
    if (location.hash === hash) this.show();
    else location.hash = hash;
  }

  selectGroup(id) {
    this.group = this.me.groups.find((group) => String(group.id) === String(id)) ?? this.group;
    sessionStorage.setItem(GROUP_KEY, String(this.group.id));
    this.formats = new Formats(this.messages.locale, this.group.timezone);
    this.header();
    this.show();
  }

  toast(text, kind = "ok") {
    const node = document.getElementById("toast");
    replace(node, text);
    node.className = `toast toast-${kind}`;
    node.hidden = false;
    clearTimeout(this.toastTimer);
    this.toastTimer = setTimeout(() => (node.hidden = true), 4000);
  }

  failed(error) {
    if (error instanceof ApiError) {
      const key = `ui-error-${error.status}`;
      this.toast(error.body?.message ?? this.t(this.messages.has(key) ? key : "ui-error-other"), "error");
    } else {
      this.toast(this.t("ui-error-network"), "error");
    }
  }

  header() {
    const picker = document.getElementById("group-picker");
    const title = document.getElementById("group-title");
    const several = this.me.groups.length > 1;
    picker.hidden = !several;
    title.hidden = several;
    replace(title, this.group.title);
    replace(
      picker,
      this.me.groups.map((group) =>
        h("option", { value: String(group.id), selected: group.id === this.group.id }, group.title),
      ),
    );
    picker.setAttribute("aria-label", this.t("ui-group-picker"));
    picker.onchange = () => this.selectGroup(picker.value);
    const current = parseRoute().name;
    replace(
      document.getElementById("tabs"),
      Object.keys(SCREENS).map((name) =>
        h(
          "a",
          {
            href: routeHash(name),
            role: "tab",
            class: name === current ? "tab tab-current" : "tab",
            "aria-selected": String(name === current),
            "data-screen": name,
          },
          this.t(`ui-tab-${name}`),
        ),
      ),
    );
  }

  async show() {
    const { name, params } = parseRoute();
    this.header();
    const container = h("section", { class: `screen-${name}`, "data-screen": name });
    replace(screen, container);
    document.body.dataset.screen = name;
    document.body.dataset.state = "loading";
    try {
      await SCREENS[name].render(this, container, params);
      document.body.dataset.state = "ready";
    } catch (error) {
      document.body.dataset.state = "failed";
      // A refusal says why (an analyst on Settings: the role it needs); anything else, retry.
      const reason = error instanceof ApiError && error.status < 500 ? error.body?.message : null;
      replace(container, h("p", { class: "empty" }, reason ?? this.t("ui-screen-failed")));
      if (!reason) this.failed(error);
    }
  }
}

async function start() {
  applyTheme(webApp);
  webApp?.onEvent?.("themeChanged", () => applyTheme(webApp));
  webApp?.ready?.();
  webApp?.expand?.();
  const guessed = guessLocale();
  if (!webApp?.initData) {
    const messages = await loadMessages(guessed);
    document.documentElement.lang = guessed;
    replace(screen, h("p", { class: "empty" }, messages.t("ui-open-in-telegram")));
    document.body.dataset.state = "outside";
    return;
  }
  const api = new Api(webApp.initData);
  let me;
  try {
    me = await api.get("me");
  } catch (error) {
    const messages = await loadMessages(guessed);
    const key = error instanceof ApiError && error.status === 401 ? "ui-login-expired" : "ui-error-network";
    replace(screen, h("p", { class: "empty" }, messages.t(key)));
    document.body.dataset.state = "failed";
    return;
  }
  const messages = await loadMessages(me.language ?? guessed);
  document.documentElement.lang = messages.locale;
  if (!me.groups?.length) {
    replace(screen, h("p", { class: "empty" }, messages.t("ui-no-groups")));
    document.body.dataset.state = "ready";
    return;
  }
  const view = new View(api, me, messages);
  window.addEventListener("hashchange", () => view.show());
  await view.show();
}

start();
