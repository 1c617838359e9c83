// Videos: the registry (with importing platform numbers for operators, video_import.js), and
// each video's report card: the platforms' numbers with their change since the previous
// import, and what fans said about it.

import { fanText, h, replace } from "../dom.js";
import { empty, section } from "./common.js";
import { importPanel } from "./video_import.js";

const NUMBERS = ["plays", "likes", "comments", "favourites", "shares"];

export async function render(view, container, params) {
  if (params.number) return report(view, container, params.number);
  const data = await view.api.get(view.groupPath("videos"));
  view.learnGroup({ id: view.group.id, timezone: data.timezone });
  // Kept across a redraw after an import, so its report stays on screen.
  const panel = view.canAct ? (container.querySelector(".import-panel") ?? importPanel(view, () => render(view, container, params))) : null;
  replace(
    container,
    panel,
    section(
      view.t("ui-tab-videos"),
      data.videos.length
        ? h(
            "div",
            { class: "list" },
            data.videos.map((video) =>
              h(
                "a",
                { class: "item", href: `#videos?number=${encodeURIComponent(video.number)}`, "data-video": String(video.number) },
                h("div", { class: "item-head" }, fanText(video.title), h("span", { class: "hint" }, video.code)),
                h(
                  "div",
                  { class: "item-meta" },
                  video.platform,
                  video.published_at ? ` · ${view.formats.date(video.published_at)}` : "",
                  " · ",
                  h("span", { class: "linked" }, view.t("ui-video-comments", { count: video.linked_comments })),
                ),
              ),
            ),
          )
        : empty(view.t("ui-videos-none")),
    ),
  );
}

async function report(view, container, number) {
  const data = await view.api.get(view.groupPath(`videos/${encodeURIComponent(number)}`));
  const feedback = data.feedback;
  replace(
    container,
    h("p", {}, h("a", { href: "#videos" }, view.t("ui-back"))),
    h(
      "article",
      { class: "item", "data-video": String(number) },
      h("div", { class: "item-head" }, fanText(data.video.title), h("span", { class: "hint" }, data.video.code)),
      h("div", { class: "item-meta" }, data.video.platform, data.latest_day ? ` · ${view.t("ui-video-as-of", { day: data.latest_day })}` : ""),
    ),
    data.latest_day
      ? h("div", { class: "numbers" }, NUMBERS.map((name) => metric(view, name, data.totals?.[name], data.change?.[name])))
      : h("p", { class: "hint" }, view.t("ui-video-no-numbers")),
    section(
      view.t("ui-video-feedback"),
      h("p", { class: "feedback-volume" }, view.t("ui-video-comments", { count: feedback.volume })),
      h(
        "p",
        {},
        ["positive", "neutral", "negative"].map((key, i) => [i ? " · " : "", view.t(`ui-sentiment-${key}`), " ", view.formats.number(feedback.sentiment?.[key] ?? 0)]),
      ),
      feedback.tags.length ? h("div", { class: "chips" }, feedback.tags.map((tag) => h("span", { class: "chip", "data-tag": tag.tag }, `#${tag.name} ${view.formats.number(tag.count)}`))) : null,
      feedback.quotes.map((quote) => h("blockquote", { class: "quote" }, fanText(quote))),
    ),
  );
}

function metric(view, name, value, change) {
  return h(
    "div",
    { class: "number static", "data-metric": name },
    h("span", { class: "value" }, value === null || value === undefined ? "—" : view.formats.compact(value)),
    h("span", { class: "label" }, view.t(name === "comments" ? "ui-video-comments-count" : `ui-video-${name}`), change ? ` (+${view.formats.compact(change)})` : ""),
  );
}
