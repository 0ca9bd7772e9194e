// The colleague picker: filter the list as you type, and say how many are picked.
(function () {
  "use strict";
  var picker = document.querySelector(".people-picker");
  if (!picker) { return; }
  var filter = picker.querySelector(".people-filter");
  var count = picker.querySelector(".people-count");
  var items = Array.prototype.slice.call(picker.querySelectorAll(".people-options li"));

  function updateCount() {
    var picked = picker.querySelectorAll(".people-options input:checked").length;
    count.textContent = picked === 0 ? gettext("Nobody picked yet.") :
      interpolate(ngettext("%(count)s person picked.", "%(count)s people picked.", picked),
        { count: picked }, true);
  }

  filter.hidden = false;
  count.hidden = false;
  filter.addEventListener("input", function () {
    var needle = filter.value.trim().toLowerCase();
    items.forEach(function (item) {
      var input = item.querySelector("input");
      var text = item.textContent.toLowerCase();
      // Picked people stay visible, so a filter never hides a choice already made.
      item.hidden = needle !== "" && text.indexOf(needle) === -1 && !input.checked;
    });
  });
  picker.addEventListener("change", updateCount);
  updateCount();
})();
