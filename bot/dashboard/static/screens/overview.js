// Overview: the last 7, 30 or 90 days of the group at a glance. Every number that counts
// feedback opens the Inbox filtered to exactly those items.

import { fanText, h, replace, svg } from "../dom.js";
import { messageLink } from "./common.js";

const PERIODS = [7, 30, 90];
const SENTIMENTS = ["positive", "neutral", "negative"];

export async function render(view, container, params) {
  const days = PERIODS.includes(Number(params.days)) ? Number(params.days) : 7;
  const data = await view.api.get(view.groupPath("overview"), { days });
  view.learnGroup(data.group);
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
    dailySection(view, data.daily ?? []),
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

// Messages per local day as bars, drawn here so the labels use the reader's own fonts.
function dailySection(view, daily) {
  const width = 320;
  const height = 90;
  const top = 4;
  const bottom = 16;
  const most = Math.max(1, ...daily.map((day) => day.messages));
  const step = width / Math.max(1, daily.length);
  const label = view.t("ui-overview-daily");
  const dayLabel = (day) => view.formats.date(`${day.day}T12:00:00Z`);
  return h(
    "section",
    { class: "daily" },
    h("h2", {}, label),
    svg(
      "svg",
      { class: "chart", viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": label },
      daily.map((day, index) => {
        const barHeight = ((height - top - bottom) * day.messages) / most;
        return svg(
          "rect",
          {
            class: "day-bar",
            x: (index * step + step * 0.15).toFixed(1),
            y: (height - bottom - barHeight).toFixed(1),
            width: (step * 0.7).toFixed(1),
            height: barHeight.toFixed(1),
            rx: 1.5,
            "data-day": day.day,
            "data-count": day.messages,
          },
          svg("title", {}, `${dayLabel(day)}: ${view.formats.number(day.messages)}`),
        );
      }),
      daily.length
        ? [
            svg("text", { x: 0, y: height - 3 }, dayLabel(daily[0])),
            svg("text", { x: width, y: height - 3, "text-anchor": "end" }, dayLabel(daily[daily.length - 1])),
            svg("text", { x: 0, y: top + 8 }, view.formats.compact(most)),
            svg("line", { class: "baseline", x1: 0, x2: width, y1: height - bottom, y2: height - bottom }),
          ]
        : null,
    ),
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
