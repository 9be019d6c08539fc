// 长者模式 and a document's reading tools, switched in place.
//
// Without this script every control is a plain link: the server sets the
// mode's cookie, or renders the chosen 字号, and the page comes back the same.
// With it, the page changes where it is and keeps the focus; 朗读 (reading
// aloud with the browser's own speech synthesis) appears only here.
document.addEventListener("DOMContentLoaded", () => {
  const root = document.documentElement;

  const modeSwitch = document.querySelector("[data-mode-switch]");
  if (modeSwitch) {
    modeSwitch.addEventListener("click", (event) => {
      event.preventDefault();
      const elder = !root.classList.contains("elder");
      root.classList.toggle("elder", elder);
      const secure = location.protocol === "https:" ? "; secure" : "";
      // The site's path: "/", or the prefix it is served under ("/xxgk/rsj/").
      const path = modeSwitch.dataset.cookiePath || "/";
      document.cookie = elder
        ? `mode=elder; path=${path}; max-age=31536000; samesite=lax${secure}`
        : `mode=; path=${path}; max-age=0; samesite=lax${secure}`;
      const url = new URL(modeSwitch.href, location.href);
      url.searchParams.set("mode", elder ? "standard" : "elder");
      modeSwitch.href = url.pathname + url.search;
      modeSwitch.textContent = elder ? modeSwitch.dataset.onText : modeSwitch.dataset.offText;
      const note = document.querySelector(".access-bar__note");
      if (note) {
        note.textContent = elder ? modeSwitch.dataset.onNote : modeSwitch.dataset.offNote;
      }
    });
  }

  const article = document.querySelector(".document");
  document.querySelectorAll("[data-text-size]").forEach((link) => {
    link.addEventListener("click", (event) => {
      if (!article) {
        return;
      }
      event.preventDefault();
      const size = link.dataset.textSize;
      article.className = article.className.replace(/\bdocument--text-\w+/, `document--text-${size}`);
      document.querySelectorAll("[data-text-size]").forEach((other) => {
        if (other === link) {
          other.setAttribute("aria-current", "true");
        } else {
          other.removeAttribute("aria-current");
        }
      });
      history.replaceState(null, "", link.href);
    });
  });

  const readAloud = document.querySelector("[data-read-aloud]");
  if (readAloud && "speechSynthesis" in window && "SpeechSynthesisUtterance" in window) {
    readAloud.closest("[hidden]")?.removeAttribute("hidden");
    const stop = () => {
      window.speechSynthesis.cancel();
      delete readAloud.dataset.reading;
      readAloud.textContent = "朗读全文";
    };
    readAloud.addEventListener("click", () => {
      if (readAloud.dataset.reading) {
        stop();
        return;
      }
      const parts = [".document h1", ".document__summary", ".document .prose"]
        .map((selector) => document.querySelector(selector))
        .filter((element) => element !== null)
        .map((element) => element.innerText);
      const utterance = new SpeechSynthesisUtterance(parts.join("。\n"));
      utterance.lang = "zh-CN";
      utterance.rate = 0.9;
      utterance.addEventListener("end", stop);
      utterance.addEventListener("error", stop);
      window.speechSynthesis.cancel();
      window.speechSynthesis.speak(utterance);
      readAloud.dataset.reading = "true";
      readAloud.textContent = "停止朗读";
    });
    window.addEventListener("pagehide", () => window.speechSynthesis.cancel());
  }
});
