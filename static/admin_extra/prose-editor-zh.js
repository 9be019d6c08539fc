// The rich-text editor's toolbar in Chinese. django-prose-editor gives its
// buttons English titles; each is looked up in the admin's JavaScript
// catalogue (the portal's djangojs.po), which the admin loads before this.
// The editable area is named by its field's label, as a textarea would be.
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

  // The editable area is where a screen reader lands: it takes the name of its field's label.
  function name(area) {
    var textarea = area.parentElement.querySelector("textarea[id]");
    var label = textarea && document.querySelector('label[for="' + textarea.id + '"]');
    if (!label) {
      return;
    }
    label.id = label.id || textarea.id + "-label";
    area.setAttribute("aria-labelledby", label.id);
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
    document.querySelectorAll(".prose-editor > [contenteditable]:not([aria-labelledby])").forEach(name);
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
