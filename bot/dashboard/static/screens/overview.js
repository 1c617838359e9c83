// Overview: the last 7, 30 or 90 days of the group at a glance. Every number that counts
// feedback opens the Inbox filtered to exactly those items.

import { fanText, h, replace } from "../dom.js";
import { messageLink } from "./common.js";

const PERIODS = [7, 30, 90];
const SENTIMENTS = ["positive", "neutral", "negative"];

export async function render(view, container, params) {
  const days = PERIODS.includes(Number(params.days)) ? Number(params.days) : 7;
  const scheme = document.documentElement.dataset.scheme === "dark" ? "dark" : "light";
  // The chart is drawn by the server alongside; a chart that fails leaves the numbers standing.
  const [data, chart] = await Promise.all([
    view.api.get(view.groupPath("overview"), { days }),
    view.api.image(view.groupPath("overview/activity.svg"), { days, scheme }).catch(() => null),
  ]);
  view.learnGroup(data.group);
  const daily = dailySection(view, chart);
  // Decoded before the screen says it is ready, so that it is never photographed half drawn.
  await daily.querySelector("img")?.decode().catch(() => {});
  const period = `${days}d`;
  const open = (filters) => () => view.go("inbox", { period, ...filters });
  replace(
    container,
    h(
      "div",
      { class: "segmented", role: "group", "aria-label": view.t("ui-overview-period") },
      PERIODS.map((choice) =>
        h(
          "button",
          {
            type: "button",
            "aria-pressed": String(choice === days),
            "data-days": String(choice),
            onclick: () => view.go("overview", { days: choice }),
          },
          view.t("ui-overview-days", { days: choice }),
        ),
      ),
    ),
    h(
      "div",
      { class: "numbers" },
      number(view, "messages", data.messages, open({})),
      number(view, "active_fans", data.active_fans),
      number(view, "new_fans", data.new_fans),
      number(view, "joins", data.joins),
      number(view, "leaves", data.leaves),
    ),
    daily,
    sentimentSection(view, data.sentiment ?? {}, open),
    tagsSection(view, data.feedback ?? [], open),
    heatmapSection(view, data.heatmap ?? []),
    topicsSection(view, data.rising ?? [], open),
  );
}

function number(view, key, value, onclick) {
  const content = [
    h("span", { class: "value", title: view.formats.number(value) }, view.formats.compact(value)),
    h("span", { class: "label" }, view.t(`ui-overview-${key.replaceAll("_", "-")}`)),
  ];
  return onclick
    ? h("button", { type: "button", class: "number", "data-number": key, onclick }, content)
    : h("div", { class: "number static", "data-number": key }, content);
}

// Messages (bars) and active fans (line) per local day: the digest's chart, drawn by the server
// as SVG whose words are set in the reader's own fonts.
function dailySection(view, chart) {
  const label = view.t("ui-overview-daily");
  return h(
    "section",
    { class: "daily" },
    h("h2", {}, label),
    chart
      ? h("img", { class: "chart", src: chart, alt: label })
      : h("p", { class: "hint" }, view.t("ui-overview-chart-failed")),
  );
}

function sentimentSection(view, sentiment, open) {
  const total = SENTIMENTS.reduce((sum, key) => sum + (sentiment[key] ?? 0), 0);
  return h(
    "section",
    { class: "sentiment" },
    h("h2", {}, view.t("ui-overview-sentiment")),
    total === 0
      ? h("p", { class: "hint" }, view.t("ui-overview-sentiment-none"))
      : [
          h(
            "div",
            { class: "bar", role: "img", "aria-label": view.t("ui-overview-sentiment") },
            SENTIMENTS.map((key) =>
              h("span", { class: key, vars: { "--share": `${(100 * (sentiment[key] ?? 0)) / total}%` } }),
            ),
          ),
          h(
            "div",
            { class: "legend" },
            SENTIMENTS.map((key) =>
              h(
                "button",
                { type: "button", "data-sentiment": key, onclick: open({ sentiment: key }) },
                view.t(`ui-sentiment-${key}`),
                " ",
                view.formats.number(sentiment[key] ?? 0),
                " (",
                view.formats.percent(sentiment[key] ?? 0, total),
                ")",
              ),
            ),
          ),
        ],
  );
}

function tagsSection(view, tags, open) {
  const most = Math.max(1, ...tags.map((tag) => tag.count));
  return h(
    "section",
    { class: "tags" },
    h("h2", {}, view.t("ui-overview-tags")),
    tags.length === 0
      ? h("p", { class: "hint" }, view.t("ui-overview-tags-none"))
      : h(
          "div",
          { class: "tag-rows" },
          tags.map((tag) =>
            h(
              "button",
              { type: "button", class: "tag-row", "data-tag": tag.tag, onclick: open({ tag: tag.tag }) },
              h("span", {}, `#${tag.name}`),
              h("span", { class: "meter" }, h("span", { vars: { "--share": `${(100 * tag.count) / most}%` } })),
              h("span", { class: "count" }, view.formats.compact(tag.count)),
            ),
          ),
        ),
  );
}

// Seven weekdays (Monday first) by 24 local hours; a flat list of 24 is one row of hours.
function heatmapSection(view, heatmap) {
  const rows = Array.isArray(heatmap[0]) ? heatmap : [heatmap];
  const grid = rows.map((row) => Array.from({ length: 24 }, (_, hour) => Number(row?.[hour] ?? 0)));
  const most = Math.max(1, ...grid.flat());
  const weekday = new Intl.DateTimeFormat(view.formats.intl, { weekday: "narrow", timeZone: "UTC" });
  // 2024-01-01 was a Monday.
  const dayName = (index) => (rows.length === 7 ? weekday.format(Date.UTC(2024, 0, 1 + index)) : "");
  const label = view.t("ui-overview-hours", { timezone: view.group.timezone ?? "UTC" });
  return h(
    "section",
    { class: "busy-hours" },
    h("h2", {}, label),
    h(
      "div",
      { class: "heatmap", role: "img", "aria-label": label },
      h("span", { class: "corner" }),
      Array.from({ length: 24 }, (_, hour) => h("span", { class: "hour-label" }, hour % 6 === 0 ? String(hour) : "")),
      grid.map((row, day) => [
        h("span", { class: "day-label" }, dayName(day)),
        row.map((count, hour) =>
          h("span", {
            class: "cell",
            vars: { "--heat": `${Math.round((100 * count) / most)}%` },
            title: `${dayName(day)} ${view.t("ui-overview-hour", { hour, count })}`,
            "data-day": String(day),
            "data-hour": String(hour),
            "data-count": String(count),
          }),
        ),
      ]),
    ),
  );
}

// A rising topic is a tag with more mentions than the period before; its quotes link to the
// messages in the group.
function topicsSection(view, topics, open) {
  return h(
    "section",
    { class: "rising" },
    h("h2", {}, view.t("ui-overview-topics")),
    topics.length === 0
      ? h("p", { class: "hint" }, view.t("ui-overview-topics-none"))
      : h(
          "div",
          { class: "topics" },
          topics.map((topic) =>
            h(
              "article",
              { class: "topic", "data-topic": topic.tag },
              h(
                "button",
                { type: "button", class: "topic-head", onclick: open({ tag: topic.tag }) },
                h("span", {}, `#${topic.name}`),
                h("span", { class: "hint" }, view.t("ui-overview-topic-count", { count: topic.count, previous: topic.previous })),
              ),
              (topic.quotes ?? []).map((quote) =>
                h(
                  "blockquote",
                  { class: "quote", "data-message-id": String(quote.message_id) },
                  fanText(quote.text),
                  h("span", { class: "author" }, messageLink(view, quote.link, view.formats.when(quote.at))),
                ),
              ),
            ),
          ),
        ),
  );
}
