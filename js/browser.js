// Browser services for the relplay app: the address bar, local storage, the embedding page
// (postMessage) and the page's height. Exposed as `window.relplayBrowser`; the app reaches it only
// through src/interop.

const api = {
  queryParam(name) {
    return new URLSearchParams(window.location.search).get(name);
  },

  hash() {
    return window.location.hash;
  },

  // Replaces the hash without adding a history entry or scrolling.
  replaceHash(hash) {
    const url = `${window.location.pathname}${window.location.search}${hash}`;
    if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`) {
      window.history.replaceState(window.history.state, "", url);
    }
  },

  // The page's address without query and hash: where links and "Open in relplay" point.
  pageBase() {
    return `${window.location.origin}${window.location.pathname}`;
  },

  onHashChange(callback) {
    window.addEventListener("hashchange", () => callback(window.location.hash));
  },

  // Tab and Shift+Tab go round the controls of `element` (a modal dialog) instead of leaving it.
  keepFocusIn(element) {
    element.addEventListener("keydown", (event) => {
      if (event.key !== "Tab") return;
      const controls = [...element.querySelectorAll("button, input, select, textarea, a[href], [tabindex]:not([tabindex='-1'])")]
        .filter((control) => !control.disabled && control.getClientRects().length > 0);
      if (controls.length === 0) return;
      const [first, last] = [controls[0], controls[controls.length - 1]];
      if (event.shiftKey && document.activeElement === first) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first.focus();
      }
    });
  },

  focus(selector) {
    document.querySelector(selector)?.focus();
  },

  // Hidden (another tab, a minimised window) or left: the last moment to save for sure.
  onPageHide(callback) {
    window.addEventListener("pagehide", () => callback());
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "hidden") callback();
    });
  },

  // Storage can be refused (private modes, sandboxed iframes): every call tolerates that.
  storageGet(key) {
    try {
      return window.localStorage.getItem(key);
    } catch {
      return null;
    }
  },

  storageSet(key, value) {
    try {
      window.localStorage.setItem(key, value);
      return true;
    } catch {
      return false;
    }
  },

  storageRemove(key) {
    try {
      window.localStorage.removeItem(key);
    } catch {
      // Nothing to remove where storage is refused.
    }
  },

  inFrame() {
    try {
      return window.parent !== window;
    } catch {
      return true;
    }
  },

  // Messages to the embedding page. The payload is the user's own schema, shown by that page.
  postToParent(message) {
    if (api.inFrame()) window.parent.postMessage(message, "*");
  },

  // Calls `callback(data)` for messages from the embedding page whose data is an object.
  onParentMessage(callback) {
    window.addEventListener("message", (event) => {
      if (event.source !== window.parent || event.data === null || typeof event.data !== "object") return;
      callback(event.data);
    });
  },

  // Calls `callback(height)` with the app's height whenever it changes. The app's own box is
  // measured, not the document: the document is at least as tall as the frame, so a frame that
  // once grew would never shrink back to its content.
  // Called before the app is on the page: measuring starts once it is.
  observeHeight(callback) {
    const app = document.querySelector(".app");
    if (!app) {
      requestAnimationFrame(() => api.observeHeight(callback));
      return;
    }
    let last = -1;
    const report = () => {
      const height = Math.ceil(app.getBoundingClientRect().height);
      if (height !== last) {
        last = height;
        callback(height);
      }
    };
    new ResizeObserver(report).observe(app);
    report();
  },

  setTheme(theme) {
    if (theme === "light" || theme === "dark") document.documentElement.dataset.theme = theme;
    else delete document.documentElement.dataset.theme;
  },
};

window.relplayBrowser = api;
