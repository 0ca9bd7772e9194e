// Schedule/edit form: show the location only for in-person sessions, and the repeat end fields
// only once a repeat is chosen. Without JavaScript every field simply stays visible.
(function () {
  "use strict";
  const form = document.querySelector(".session-form");
  if (!form) return;

  function fieldOf(name) {
    const input = form.querySelector(`[name="${name}"]`);
    return input ? input.closest(".field") : null;
  }

  function sync() {
    const format = form.querySelector('input[name="format"]:checked');
    const location = fieldOf("location");
    if (location) location.hidden = !!format && format.value !== "in_person";
    const repeat = form.querySelector('[name="repeat"]');
    if (repeat) {
      for (const name of ["repeat_until", "repeat_count"]) {
        const field = fieldOf(name);
        if (field) field.hidden = repeat.value === "" && !field.classList.contains("has-error");
      }
    }
  }

  form.addEventListener("change", sync);
  sync();
})();
