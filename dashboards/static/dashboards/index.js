// Shows the date fields only when "Custom dates" is chosen. The server renders them already in
// that state (no layout shift after first paint); without JS, choosing "Custom dates" and
// "Show figures" brings them.
(function () {
  "use strict";
  const period = document.getElementById("id_period");
  if (!period) return;
  const dates = document.querySelectorAll(".custom-date");
  function sync() {
    const custom = period.value === "custom";
    dates.forEach(function (field) { field.hidden = !custom; });
  }
  period.addEventListener("change", sync);
  sync();
})();
