// Inbox: feedback cards with the filters of /inbox, endless scrolling, and one-tap actions on
// one card or on every selected card (tag, untag, status, duplicate).

import { fanText, h, replace } from "../dom.js";
import { messageLink } from "./common.js";

const STATUSES = ["new", "triaged", "planned", "done", "wontdo"];
const SENTIMENTS = ["positive", "neutral", "negative"];
const PERIODS = ["24h", "7d", "30d", "90d"];
const FILTERS = ["tag", "status", "sentiment", "author", "period", "q"];

export async function render(view, container, params) {
  const inbox = new Inbox(view, container, params);
  await inbox.start();
}

class Inbox {
  constructor(view, container, params) {
    this.view = view;
    this.container = container;
    this.filters = Object.fromEntries(FILTERS.map((name) => [name, params[name] ?? ""]));
    this.items = new Map();
    this.selected = new Set();
    this.tags = [];
    this.next = null;
    this.loading = false;
    this.picking = null;
  }

  t = (key, args) => this.view.t(key, args);

  async start() {
    this.error = h("p", { class: "filter-error", role: "alert", hidden: true });
    this.summary = h("p", { class: "hint summary" });
    this.cards = h("div", { class: "cards" });
    this.sentinel = h("div", { class: "sentinel" });
    this.more = h("p", { class: "loading-more", hidden: true }, this.t("ui-loading"));
    this.bar = h("div", { class: "selection-bar", hidden: true });
    this.banner = h("p", { class: "hint pick-banner", hidden: true });
    const page = await this.fetchPage(null);
    if (!page) {
      replace(this.container, this.filterForm(), this.error);
      return;
    }
    this.tags = page.tags;
    if (page.timezone) this.view.learnGroup({ id: this.view.group.id, timezone: page.timezone });
    replace(this.container, this.filterForm(), this.error, this.summary, this.banner, this.cards, this.sentinel, this.more, this.bar);
    this.show(page, true);
    this.observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) this.loadMore();
    });
    this.observer.observe(this.sentinel);
  }

  async fetchPage(cursor) {
    try {
      this.error.hidden = true;
      return await this.view.api.get(this.view.groupPath("inbox"), { ...this.filters, cursor });
    } catch (error) {
      if (error.status === 400 && error.body?.message) {
        replace(this.error, error.body.message);
        this.error.hidden = false;
        return null;
      }
      throw error;
    }
  }

  async loadMore() {
    if (this.loading || !this.next) return;
    this.loading = true;
    this.more.hidden = false;
    try {
      const page = await this.fetchPage(this.next);
      if (page) this.show(page, false);
    } catch (error) {
      this.view.failed(error);
    } finally {
      this.loading = false;
      this.more.hidden = true;
    }
  }

  show(page, first) {
    this.next = page.cursor;
    if (first) {
      this.cards.replaceChildren();
      this.items.clear();
    }
    for (const item of page.items ?? []) {
      this.items.set(item.message_id, item);
      this.cards.append(this.card(item));
    }
    if (first) {
      replace(
        this.summary,
        this.items.size === 0
          ? this.t("ui-inbox-empty")
          : [this.t("ui-inbox-total", { count: page.total, more: String(page.more) }), page.filters ? ` · ${page.filters}` : ""],
      );
    }
    // A short first page leaves the sentinel in view: keep loading until it scrolls away.
    if (this.next) requestAnimationFrame(() => this.sentinelVisible() && this.loadMore());
  }

  sentinelVisible() {
    return this.sentinel.getBoundingClientRect().top < window.innerHeight;
  }

  filterForm() {
    const select = (name, values, label) =>
      h(
        "select",
        { name, "aria-label": this.t(`ui-inbox-filter-${name}`), onchange: (event) => this.apply(name, event.target.value) },
        h("option", { value: "" }, this.t(`ui-inbox-any-${name}`)),
        values.map((value) => h("option", { value, selected: value === this.filters[name] }, label(value))),
      );
    const search = h("input", {
      type: "search",
      name: "q",
      value: this.filters.q,
      placeholder: this.t("ui-inbox-search"),
      "aria-label": this.t("ui-inbox-search"),
      enterkeyhint: "search",
    });
    const author = h("input", {
      type: "search",
      name: "author",
      value: this.filters.author,
      placeholder: this.t("ui-inbox-author"),
      "aria-label": this.t("ui-inbox-author"),
    });
    const form = h(
      "form",
      {
        class: "filters",
        role: "search",
        onsubmit: (event) => {
          event.preventDefault();
          this.filters.q = search.value.trim();
          this.filters.author = author.value.trim();
          this.reload();
        },
      },
      h("div", { class: "row" }, search, h("button", { type: "submit", class: "button" }, this.t("ui-inbox-search-go"))),
      h(
        "div",
        { class: "row" },
        select("tag", this.tags.map((tag) => tag.tag), (key) => `#${this.tagName(key)}`),
        select("status", STATUSES, (status) => this.t(`ui-status-${status}`)),
        select("sentiment", SENTIMENTS, (sentiment) => this.t(`ui-sentiment-${sentiment}`)),
        select("period", PERIODS, (period) => this.t(`ui-period-${period}`)),
        author,
      ),
    );
    return form;
  }

  tagName(key) {
    return this.tags.find((tag) => tag.tag === key)?.name ?? key;
  }

  apply(name, value) {
    this.filters[name] = value;
    this.reload();
  }

  reload() {
    // The filters live in the address, so Back and a reload keep them.
    this.view.go("inbox", this.filters);
  }

  card(item) {
    const id = item.message_id;
    const checkbox = h("input", {
      type: "checkbox",
      checked: this.selected.has(id),
      "aria-label": this.t("ui-inbox-select"),
      onchange: (event) => this.select(id, event.target.checked),
    });
    const link = messageLink(this.view, item.link, this.view.formats.when(item.at));
    const status = h(
      "select",
      {
        class: "status",
        "aria-label": this.t("ui-inbox-filter-status"),
        disabled: !this.view.canAct,
        onchange: (event) => this.act("status", [id], { status: event.target.value }),
      },
      STATUSES.map((value) => h("option", { value, selected: value === item.status }, this.t(`ui-status-${value}`))),
    );
    const given = new Set(item.tags.map((tag) => tag.tag));
    // The group's tags, and any the item still has that the set no longer lists.
    // Its own tags first, so the one row of chips starts with what the item is.
    const offered = [...item.tags, ...this.tags.filter((tag) => !given.has(tag.tag))];
    const chips = offered.map((tag) => {
      const on = given.has(tag.tag);
      return h(
        "button",
        {
          type: "button",
          class: "chip",
          "aria-pressed": String(on),
          "data-tag": tag.tag,
          disabled: !this.view.canAct,
          onclick: () => this.act(on ? "untag" : "tag", [id], { tag: tag.tag }),
        },
        `#${tag.name}`,
      );
    });
    const node = h(
      "article",
      {
        class: this.selected.has(id) ? "card selected" : "card",
        "data-message-id": String(id),
        onclick: (event) => this.picked(event, id),
      },
      h(
        "div",
        { class: "card-head" },
        this.view.canAct ? checkbox : null,
        h("span", { class: "author" }, fanText(item.author.name || String(item.author.id ?? ""), "author-name")),
        link,
        h("span", { class: `sentiment sentiment-${item.sentiment}` }, this.t(`ui-sentiment-${item.sentiment}`)),
        item.edited ? h("span", {}, this.t("ui-inbox-edited")) : null,
        item.duplicate_of ? h("span", { class: "duplicate" }, this.t("ui-inbox-duplicate-of", { id: item.duplicate_of })) : null,
      ),
      fanText(item.text ?? ""),
      h("div", { class: "chips", role: "group", "aria-label": this.t("ui-inbox-filter-tag") }, chips),
      this.view.canAct
        ? h(
            "div",
            { class: "actions" },
            status,
            h(
              "button",
              { type: "button", class: "chip", "data-action": "duplicate", onclick: () => this.startPicking([id]) },
              this.t("ui-inbox-duplicate"),
            ),
          )
        : null,
    );
    return node;
  }

  replaceCard(item) {
    this.items.set(item.message_id, item);
    const old = this.cards.querySelector(`[data-message-id="${CSS.escape(String(item.message_id))}"]`);
    if (old) old.replaceWith(this.card(item));
  }

  select(id, on) {
    if (on) this.selected.add(id);
    else this.selected.delete(id);
    const node = this.cards.querySelector(`[data-message-id="${CSS.escape(String(id))}"]`);
    node?.classList.toggle("selected", on);
    const checkbox = node?.querySelector("input[type='checkbox']");
    if (checkbox) checkbox.checked = on;
    this.renderBar();
  }

  renderBar() {
    const ids = [...this.selected];
    this.bar.hidden = ids.length === 0;
    if (!ids.length) return;
    const tagSelect = h(
      "select",
      { "aria-label": this.t("ui-inbox-filter-tag"), class: "bulk-tag" },
      this.tags.map((tag) => h("option", { value: tag.tag }, `#${tag.name}`)),
    );
    const statusSelect = h(
      "select",
      {
        "aria-label": this.t("ui-inbox-filter-status"),
        class: "bulk-status",
        onchange: (event) => event.target.value && this.act("status", ids, { status: event.target.value }),
      },
      h("option", { value: "" }, this.t("ui-inbox-set-status")),
      STATUSES.map((value) => h("option", { value }, this.t(`ui-status-${value}`))),
    );
    replace(
      this.bar,
      h("span", { class: "count" }, this.t("ui-inbox-selected", { count: ids.length })),
      tagSelect,
      h("button", { type: "button", class: "button", "data-bulk": "tag", onclick: () => this.act("tag", ids, { tag: tagSelect.value }) }, this.t("ui-inbox-tag")),
      h("button", { type: "button", class: "button secondary", "data-bulk": "untag", onclick: () => this.act("untag", ids, { tag: tagSelect.value }) }, this.t("ui-inbox-untag")),
      statusSelect,
      h("button", { type: "button", class: "button secondary", "data-bulk": "duplicate", onclick: () => this.startPicking(ids) }, this.t("ui-inbox-duplicate")),
      h("button", { type: "button", class: "button secondary", "data-bulk": "clear", "aria-label": this.t("ui-inbox-clear"), onclick: () => this.clearSelection() }, "✕"),
    );
  }

  clearSelection() {
    for (const id of [...this.selected]) this.select(id, false);
  }

  // Marking duplicates: the cards chosen first, then one tap on the original.
  startPicking(ids) {
    this.picking = ids;
    replace(this.banner, this.t("ui-inbox-pick-original", { count: ids.length }));
    this.banner.hidden = false;
    this.banner.scrollIntoView({ block: "nearest" });
  }

  picked(event, id) {
    if (!this.picking || event.target.closest("button, select, input, a")) return;
    const ids = this.picking.filter((one) => one !== id);
    this.picking = null;
    this.banner.hidden = true;
    if (ids.length) this.act("duplicate", ids, { original: id });
  }

  async act(action, ids, fields) {
    try {
      const result = await this.view.api.post(this.view.groupPath("inbox/actions"), { action, message_ids: ids, ...fields });
      for (const item of result.items ?? []) this.replaceCard(item);
      this.view.webApp?.HapticFeedback?.notificationOccurred?.("success");
      this.view.toast(this.t(`ui-inbox-done-${action}`, { count: ids.length }));
      if (ids.length > 1) this.clearSelection();
    } catch (error) {
      this.view.failed(error);
      // The server refused: show the cards as they are stored, not as the tap wished.
      for (const id of ids) if (this.items.has(id)) this.replaceCard(this.items.get(id));
    }
  }
}
