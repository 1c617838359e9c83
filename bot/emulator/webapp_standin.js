// A stand-in for https://telegram.org/js/telegram-web-app.js, served in its place to a browser
// that drives the dashboard outside Telegram (the browser tests, the demo's screenshots).
// What Telegram's client would give the page comes from window.__fanpulseTelegram, set before
// the page loads: { initData, themeParams, colorScheme, platform, confirm }. Calls the page
// makes that would reach the client (links, popups, haptics) are recorded in its `calls`.
(() => {
  const given = window.__fanpulseTelegram ?? {};
  const calls = (given.calls = []);
  const handlers = {};
  const params = new URLSearchParams(given.initData ?? "");
  const decoded = (name) => {
    try {
      return params.has(name) ? JSON.parse(params.get(name)) : undefined;
    } catch {
      return undefined;
    }
  };
  const record = (name) => (...args) => {
    calls.push([name, ...args.filter((arg) => typeof arg !== "function")]);
  };
  const button = () => ({
    isVisible: false,
    show() { this.isVisible = true; return this; },
    hide() { this.isVisible = false; return this; },
    onClick: record("button.onClick"),
    offClick: record("button.offClick"),
    setText: record("button.setText"),
    setParams: record("button.setParams"),
    enable() { return this; },
    disable() { return this; },
  });
  const themeParams = given.themeParams ?? {};
  const root = document.documentElement;
  for (const [name, value] of Object.entries(themeParams)) {
    root.style.setProperty(`--tg-theme-${name.replaceAll("_", "-")}`, value);
  }
  const answer = (callback, value) => setTimeout(() => callback?.(value), 0);
  window.Telegram = {
    WebApp: {
      initData: given.initData ?? "",
      initDataUnsafe: {
        user: decoded("user"),
        chat: decoded("chat"),
        start_param: params.get("start_param") ?? undefined,
        auth_date: params.get("auth_date") ?? undefined,
        hash: params.get("hash") ?? undefined,
      },
      version: "8.0",
      platform: given.platform ?? "tdesktop",
      colorScheme: given.colorScheme ?? "light",
      themeParams,
      isExpanded: true,
      viewportHeight: window.innerHeight,
      viewportStableHeight: window.innerHeight,
      BackButton: button(),
      MainButton: button(),
      SecondaryButton: button(),
      HapticFeedback: {
        impactOccurred: record("haptic.impact"),
        notificationOccurred: record("haptic.notification"),
        selectionChanged: record("haptic.selection"),
      },
      ready: record("ready"),
      expand: record("expand"),
      close: record("close"),
      setHeaderColor: record("setHeaderColor"),
      setBackgroundColor: record("setBackgroundColor"),
      openLink: record("openLink"),
      openTelegramLink: record("openTelegramLink"),
      showAlert(message, callback) {
        calls.push(["showAlert", message]);
        answer(callback);
      },
      showConfirm(message, callback) {
        calls.push(["showConfirm", message]);
        answer(callback, given.confirm ?? true);
      },
      showPopup(popup, callback) {
        calls.push(["showPopup", popup]);
        answer(callback, popup.buttons?.[0]?.id ?? "");
      },
      onEvent(name, handler) {
        (handlers[name] ??= []).push(handler);
      },
      offEvent(name, handler) {
        handlers[name] = (handlers[name] ?? []).filter((one) => one !== handler);
      },
    },
  };
})();
