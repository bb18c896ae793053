/* The few behaviours of the pages that are not htmx, as one file: the Content-Security-Policy
   allows no inline script or handler. Each is switched on by a data attribute. */
(function () {
  "use strict";

  /* data-insert: one click inserts a text (an answer with its legal basis, a canned answer)
     into the reply editor: the textarea marked data-reply-editor, else the one named body. */
  function insert(button) {
    var editor = document.querySelector("textarea[data-reply-editor]") ||
      document.querySelector("textarea[name=body]");
    if (!editor) return;
    var start = editor.selectionStart || editor.value.length;
    var before = editor.value.slice(0, start), after = editor.value.slice(start);
    var text = button.getAttribute("data-insert");
    editor.value = before + (before && !before.endsWith("\n") ? "\n\n" : "") + text + after;
    editor.dispatchEvent(new Event("input", { bubbles: true }));
    editor.focus();
  }

  document.addEventListener("click", function (event) {
    var target = event.target;
    var button = target.closest("[data-insert]");
    if (button) return insert(button);
    if (target.closest("[data-print]")) return window.print();
    var field = target.closest("[data-select-all]");
    if (field) field.select();
  });

  /* data-autosubmit: choosing an option submits the form (a plain submit button stays for
     those without script). */
  document.addEventListener("change", function (event) {
    var field = event.target.closest("[data-autosubmit]");
    if (field && field.form) field.form.requestSubmit();
  });
})();
