// The rich-text editor's toolbar in Chinese. django-prose-editor gives its
// buttons English titles; each is looked up in the admin's JavaScript
// catalogue (the portal's djangojs.po), which the admin loads before this.
(function () {
  "use strict";

  var heading = /^heading \d$/i;

  function chinese(text) {
    if (typeof window.gettext !== "function") {
      return text;
    }
    return window.gettext(heading.test(text) ? text.toLowerCase() : text);
  }

  function localise(bar) {
    bar.querySelectorAll("[title], [aria-label]").forEach(function (node) {
      ["title", "aria-label"].forEach(function (name) {
        var text = node.getAttribute(name);
        if (text && chinese(text) !== text) {
          node.setAttribute(name, chinese(text));
        }
      });
    });
    // The block style picker shows each style by name ("Heading 2", "Paragraph").
    bar.querySelectorAll(".prose-menubar__option *").forEach(function (node) {
      var text = node.textContent;
      if (node.children.length === 0 && text && chinese(text) !== text) {
        node.textContent = chinese(text);
      }
    });
  }

  new MutationObserver(function (changes) {
    var bars = new Set();
    changes.forEach(function (change) {
      var target = change.target.nodeType === Node.ELEMENT_NODE ? change.target : change.target.parentElement;
      var bar = target && target.closest(".prose-menubar");
      if (bar) {
        bars.add(bar);
      }
      change.addedNodes.forEach(function (node) {
        if (node.nodeType === Node.ELEMENT_NODE) {
          node.querySelectorAll(".prose-menubar").forEach(function (found) {
            bars.add(found);
          });
          if (node.matches(".prose-menubar")) {
            bars.add(node);
          }
        }
      });
    });
    bars.forEach(localise);
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
