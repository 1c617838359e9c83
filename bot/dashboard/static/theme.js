// Telegram's colours: themeParams become the --tg-theme-* variables app.css reads (Telegram's
// SDK sets them too; setting them here keeps the page right on clients that do not), and the
// colour scheme picks the light or dark fallbacks.

export function applyTheme(webApp) {
  const root = document.documentElement;
  const params = webApp?.themeParams ?? {};
  for (const [name, value] of Object.entries(params)) {
    if (typeof value === "string" && /^#[0-9a-f]{3,8}$/i.test(value)) {
      root.style.setProperty(`--tg-theme-${name.replaceAll("_", "-")}`, value);
    }
  }
  root.dataset.scheme = webApp?.colorScheme === "dark" ? "dark" : "light";
}
