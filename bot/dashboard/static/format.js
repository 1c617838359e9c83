// Numbers and moments in the reader's language: 12,345 and 1.2万, dates in the group's zone.

const INTL_LOCALES = { en: "en", zh: "zh-CN", "zh-Hant": "zh-TW" };

export class Formats {
  constructor(locale, timeZone = "UTC") {
    this.intl = INTL_LOCALES[locale] ?? "en";
    this.timeZone = timeZone;
    this.whole = new Intl.NumberFormat(this.intl);
    this.compactNumber = new Intl.NumberFormat(this.intl, {
      notation: "compact",
      maximumFractionDigits: 1,
    });
    this.percentage = new Intl.NumberFormat(this.intl, { style: "percent", maximumFractionDigits: 0 });
    this.moment = this.#dates({ dateStyle: "medium", timeStyle: "short" });
    this.day = this.#dates({ month: "short", day: "numeric" });
  }

  #dates(options) {
    try {
      return new Intl.DateTimeFormat(this.intl, { ...options, timeZone: this.timeZone });
    } catch {
      return new Intl.DateTimeFormat(this.intl, { ...options, timeZone: "UTC" });
    }
  }

  number(value) {
    return this.whole.format(value ?? 0);
  }

  // Large counts read short (1.2万, 12K); below ten thousand every digit is kept.
  compact(value) {
    return Math.abs(value ?? 0) >= 10000 ? this.compactNumber.format(value) : this.whole.format(value ?? 0);
  }

  percent(part, whole) {
    return whole ? this.percentage.format(part / whole) : this.percentage.format(0);
  }

  when(iso) {
    return iso ? this.moment.format(new Date(iso)) : "";
  }

  date(iso) {
    return iso ? this.day.format(new Date(iso)) : "";
  }
}
