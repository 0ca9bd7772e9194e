/* Recognition give form: a live character count, and the colleague picker.
 *
 * The picker follows the ARIA combobox pattern (input + listbox, aria-activedescendant).
 * Without JavaScript the form still works: the original field takes email addresses
 * separated by commas. With it, that field becomes hidden and holds the chosen emails.
 */
(function () {
  "use strict";

  function initCounters() {
    document.querySelectorAll("[data-count-for]").forEach(function (counter) {
      var field = document.getElementById(counter.getAttribute("data-count-for"));
      if (!field) return;
      var max = parseInt(field.getAttribute("maxlength"), 10) || 500;
      function update() {
        var left = max - field.value.length;
        counter.textContent = interpolate(gettext("(%(used)s of %(max)s used)"),
          { used: field.value.length, max: max }, true);
        counter.classList.toggle("error", left < 25);
      }
      field.addEventListener("input", update);
      update();
    });
  }

  var EMAIL = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/;

  function initPicker() {
    var wrapper = document.querySelector(".recipients-field[data-people-url]");
    if (!wrapper) return;
    var original = wrapper.querySelector("input[name='recipients']");
    var label = wrapper.querySelector("label[for='" + original.id + "']");
    var url = wrapper.getAttribute("data-people-url");
    var chosen = []; // {email, name}

    var known = {};
    var data = document.getElementById("selected-people");
    if (data) {
      JSON.parse(data.textContent || "[]").forEach(function (p) { known[p.email] = p.name; });
    }
    original.value.split(/[\s,;]+/).filter(Boolean).forEach(function (email) {
      chosen.push({ email: email.toLowerCase(), name: known[email.toLowerCase()] || email });
    });

    var box = document.createElement("div");
    box.className = "combobox";
    var chips = document.createElement("ul");
    chips.className = "chips";
    chips.setAttribute("aria-label", gettext("Chosen colleagues"));
    var input = document.createElement("input");
    input.type = "text";
    input.id = original.id + "-search";
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", original.id + "-listbox");
    input.setAttribute("autocomplete", "off");
    input.setAttribute("spellcheck", "false");
    input.setAttribute("aria-describedby", original.getAttribute("aria-describedby") || "");
    if (original.getAttribute("aria-invalid")) input.setAttribute("aria-invalid", "true");
    var list = document.createElement("ul");
    list.id = original.id + "-listbox";
    list.className = "combobox-list";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", gettext("Matching colleagues"));
    list.hidden = true;
    var status = document.createElement("div");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");

    box.appendChild(chips);
    box.appendChild(input);
    box.appendChild(list);
    box.appendChild(status);
    original.type = "hidden";
    original.removeAttribute("aria-describedby");
    original.parentNode.insertBefore(box, original);
    if (label) label.setAttribute("for", input.id);
    var help = document.getElementById("recipients-help");
    if (help) help.textContent = gettext("Type at least two letters of a name or email address, then choose with the arrow keys and Enter, or click. Choose as many colleagues as you like.");

    var options = [];
    var active = -1;
    var timer = null;
    var lastQuery = "";
    var controller = null;

    function sync() {
      original.value = chosen.map(function (p) { return p.email; }).join(", ");
      chips.textContent = "";
      chosen.forEach(function (person, index) {
        var chip = document.createElement("li");
        chip.className = "chip";
        var chipName = document.createElement("bdi");
        chipName.textContent = person.name;
        chip.appendChild(chipName);
        var remove = document.createElement("button");
        remove.type = "button";
        remove.setAttribute("aria-label", interpolate(gettext("Remove %(name)s"),
          { name: person.name }, true));
        remove.textContent = "\u00d7";
        remove.addEventListener("click", function () {
          chosen.splice(index, 1);
          sync();
          status.textContent = interpolate(gettext("%(name)s removed."), { name: person.name }, true);
          input.focus();
        });
        chip.appendChild(remove);
        chips.appendChild(chip);
      });
    }

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function setActive(index) {
      var items = list.querySelectorAll("[role='option']");
      items.forEach(function (item, i) { item.setAttribute("aria-selected", i === index ? "true" : "false"); });
      active = index;
      if (index >= 0 && items[index]) {
        input.setAttribute("aria-activedescendant", items[index].id);
        items[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function choose(person) {
      if (!chosen.some(function (p) { return p.email === person.email; })) {
        chosen.push(person);
        sync();
        status.textContent = interpolate(
          ngettext("%(name)s added. %(count)s chosen.", "%(name)s added. %(count)s chosen.",
            chosen.length), { name: person.name, count: chosen.length }, true);
      }
      input.value = "";
      close();
      input.focus();
    }

    function render(results) {
      options = results.filter(function (r) {
        return !chosen.some(function (p) { return p.email === r.email; });
      });
      list.textContent = "";
      options.forEach(function (person, i) {
        var item = document.createElement("li");
        item.id = list.id + "-" + i;
        item.className = "combobox-option";
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
        var optionName = document.createElement("bdi");
        optionName.textContent = person.name;
        item.appendChild(optionName);
        item.appendChild(document.createTextNode(" "));
        var email = document.createElement("span");
        email.className = "muted";
        email.textContent = person.email;
        item.appendChild(email);
        item.addEventListener("mousedown", function (event) { event.preventDefault(); });
        item.addEventListener("click", function () { choose(person); });
        list.appendChild(item);
      });
      if (!options.length) {
        var empty = document.createElement("li");
        empty.className = "combobox-empty";
        empty.setAttribute("role", "presentation");
        empty.textContent = gettext("No colleague found. Check the spelling, or type their email address.");
        list.appendChild(empty);
      }
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      active = -1;
      status.textContent = options.length
        ? interpolate(ngettext(
          "%(count)s colleague found. Use the up and down arrows to choose.",
          "%(count)s colleagues found. Use the up and down arrows to choose.",
          options.length), { count: options.length }, true)
        : gettext("No colleague found.");
    }

    function search() {
      var query = input.value.trim();
      if (query.length < 2) { close(); lastQuery = ""; return; }
      if (query === lastQuery && !list.hidden) return;
      lastQuery = query;
      if (controller) controller.abort();
      controller = typeof AbortController === "function" ? new AbortController() : null;
      fetch(url + "?q=" + encodeURIComponent(query), {
        credentials: "same-origin",
        headers: { Accept: "application/json" },
        signal: controller ? controller.signal : undefined,
      }).then(function (response) {
        if (!response.ok) throw new Error("search failed");
        return response.json();
      }).then(function (payload) {
        if (input.value.trim() === query) render(payload.results || []);
      }).catch(function (error) {
        if (error && error.name === "AbortError") return;
        status.textContent = gettext("Searching is not available right now; type the email address.");
      });
    }

    function addTypedEmail() {
      var value = input.value.trim().replace(/[,;]$/, "");
      if (EMAIL.test(value)) {
        choose({ email: value.toLowerCase(), name: value.toLowerCase() });
        return true;
      }
      return false;
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      if (/[,;]$/.test(input.value) && addTypedEmail()) return;
      timer = setTimeout(search, 200);
    });
    input.addEventListener("keydown", function (event) {
      var count = options.length;
      if (event.key === "ArrowDown") {
        event.preventDefault();
        if (list.hidden) { lastQuery = ""; search(); return; }
        if (count) setActive((active + 1) % count);
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        if (count) setActive(active <= 0 ? count - 1 : active - 1);
      } else if (event.key === "Enter") {
        if (!list.hidden && active >= 0 && options[active]) {
          event.preventDefault();
          choose(options[active]);
        } else if (input.value.trim()) {
          event.preventDefault();
          if (!addTypedEmail()) status.textContent = gettext("Choose a colleague from the list.");
        }
      } else if (event.key === "Escape") {
        if (!list.hidden) { event.preventDefault(); close(); } else { input.value = ""; }
      } else if (event.key === "Backspace" && !input.value && chosen.length) {
        var removed = chosen.pop();
        sync();
        status.textContent = interpolate(gettext("%(name)s removed."), { name: removed.name }, true);
      }
    });
    input.addEventListener("blur", function () { setTimeout(close, 150); });
    original.form.addEventListener("submit", function () { addTypedEmail(); });
    sync();
  }

  initCounters();
  initPicker();
})();
