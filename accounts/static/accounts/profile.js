/* The time-zone picker: a search box above the grouped <select> that narrows its options to the
 * places (or regions, or offsets like "+05:30") matching what is typed. Without JavaScript the
 * grouped list still works on its own. */
(function () {
  "use strict";

  document.querySelectorAll("select[data-zone-picker]").forEach(function (select) {
    var field = document.createElement("div");
    field.className = "zone-search";
    var label = document.createElement("label");
    var input = document.createElement("input");
    input.type = "search";
    input.id = select.id + "-search";
    input.autocomplete = "off";
    input.setAttribute("aria-controls", select.id);
    label.htmlFor = input.id;
    label.textContent = select.dataset.searchLabel || gettext("Find your time zone");
    var status = document.createElement("p");
    status.className = "help zone-search-status";
    status.setAttribute("role", "status");
    field.appendChild(label);
    field.appendChild(input);
    field.appendChild(status);
    select.parentNode.insertBefore(field, select);

    function normalise(text) {
      return text.toLowerCase().replace(/[_/()]/g, " ").replace(/\u2212/g, "-")
        .replace(/\s+/g, " ").trim();
    }

    input.addEventListener("input", function () {
      var words = normalise(input.value).split(" ").filter(Boolean);
      var first = null;
      var shown = 0;
      select.querySelectorAll("optgroup").forEach(function (group) {
        var groupText = normalise(group.label);
        var any = false;
        group.querySelectorAll("option").forEach(function (option) {
          var text = groupText + " " + normalise(option.textContent) + " " + normalise(option.value);
          var match = words.every(function (word) { return text.indexOf(word) !== -1; });
          option.hidden = !match;
          option.disabled = !match && !option.selected;
          if (match) {
            any = true;
            shown += 1;
            if (!first) { first = option; }
          }
        });
        group.hidden = !any;
      });
      status.textContent = words.length && !shown ? (select.dataset.noMatch || "") : "";
      // The first match is chosen, so Enter or Tab takes it; the person can still pick another.
      if (words.length && first && select.selectedOptions[0] && select.selectedOptions[0].hidden) {
        select.value = first.value;
      }
    });
  });
})();
