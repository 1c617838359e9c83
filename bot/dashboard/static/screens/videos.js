// Videos: the registry, and each video's report card (comments, sentiment, platform numbers).

import { fanText, h, replace } from "../dom.js";
import { empty, section } from "./common.js";

export async function render(view, container, params) {
  if (params.id) return report(view, container, params.id);
  const data = await view.api.get(view.groupPath("videos"));
  const videos = data.videos ?? [];
  replace(
    container,
    section(
      view.t("ui-tab-videos"),
      videos.length
        ? h(
            "div",
            { class: "list" },
            videos.map((video) =>
              h(
                "a",
                { class: "item", href: `#videos?id=${encodeURIComponent(video.id)}`, "data-video-id": String(video.id) },
                h("div", { class: "item-head" }, fanText(video.title), h("span", { class: "hint" }, `#${video.number ?? video.id}`)),
                h("div", { class: "item-meta" }, video.platform ?? "", video.published_at ? ` · ${view.formats.date(video.published_at)}` : "", " · ", view.t("ui-video-comments", { count: video.comments ?? 0 })),
              ),
            ),
          )
        : empty(view.t("ui-videos-none")),
    ),
  );
}

async function report(view, container, id) {
  const data = await view.api.get(view.groupPath(`videos/${encodeURIComponent(id)}`));
  const video = data.video ?? data;
  const metrics = data.metrics ?? [];
  replace(
    container,
    h("p", {}, h("a", { href: "#videos" }, view.t("ui-back"))),
    h(
      "article",
      { class: "item", "data-video-id": String(id) },
      h("div", { class: "item-head" }, fanText(video.title), h("span", { class: "hint" }, `#${video.number ?? id}`)),
      video.url ? h("a", { href: video.url, rel: "noopener", target: "_blank" }, video.platform ?? video.url) : null,
      h(
        "div",
        { class: "numbers" },
        h("div", { class: "number static" }, h("span", { class: "value" }, view.formats.compact(data.comments ?? video.comments ?? 0)), h("span", { class: "label" }, view.t("ui-video-comments-label"))),
        metrics.map((metric) =>
          h("div", { class: "number static", "data-metric": metric.name }, h("span", { class: "value" }, view.formats.compact(metric.value)), h("span", { class: "label" }, metric.label ?? metric.name)),
        ),
      ),
    ),
    section(view.t("ui-overview-sentiment"), sentimentLine(view, data.sentiment ?? {})),
  );
}

function sentimentLine(view, sentiment) {
  return h(
    "p",
    {},
    ["positive", "neutral", "negative"].map((key, i) => [i ? " · " : "", view.t(`ui-sentiment-${key}`), " ", view.formats.number(sentiment[key] ?? 0)]),
  );
}
