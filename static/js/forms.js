// Citizens' forms.
//
// A form that comes back with errors: its summary is brought into view and
// given the focus, so that everyone starts from what needs fixing. (Forms
// far down a page also post to "#error-summary", which does the same
// without this script.)
//
// Fields that only some applicants fill in (data-shown-when="name=value,...")
// are shown when one of the values is chosen. Without this script they all
// stay visible, with help texts that say who fills them in.
document.addEventListener("DOMContentLoaded", () => {
  const summary = document.getElementById("error-summary");
  if (summary) {
    summary.scrollIntoView({ block: "start" });
    summary.focus({ preventScroll: true });
  }

  const conditional = document.querySelectorAll("[data-shown-when]");
  if (!conditional.length) {
    return;
  }
  const update = () => {
    conditional.forEach((field) => {
      const [name, values] = field.dataset.shownWhen.split("=");
      const chosen = document.querySelector(`input[name="${name}"]:checked`);
      const shown = chosen !== null && values.split(",").includes(chosen.value);
      // A field with an error stays in view, whatever is chosen.
      field.hidden = !shown && !field.classList.contains("field--invalid");
    });
  };
  document.addEventListener("change", (event) => {
    if (event.target.matches("input[type=radio]")) {
      update();
    }
  });
  update();
});
