/* The activity run live in a session's chat: the step card, the shared countdown, the
 * facilitator's controls, private ratings, and turning one's own appreciation answer into a
 * recognition. Frames come from the chat's socket (static/chat/chat.js dispatches each one as a
 * "chat:frame" event) and go out through it ("chat:send"). Protocol: docs/realtime.md.
 * Text only ever reaches the page through textContent.
 */
(function () {
  "use strict";

  var root = document.getElementById("chat");
  var card = document.getElementById("activity-live");
  if (!root || !card) { return; }
  var $ = function (id) { return document.getElementById(id); };
  var ANSWER_GRACE_MS = 3 * 60 * 1000;  // activities.live.ANSWER_GRACE
  var state = { me: null, run: null, offset: 0, timer: null, rated: {} };
  var log = $("chat-log");
  var dialog = $("recognise-dialog");

  function send(frame) {
    var detail = { frame: frame, sent: false };
    root.dispatchEvent(new CustomEvent("chat:send", { detail: detail }));
    if (!detail.sent) { $("activity-status").textContent = gettext("Not connected. Try again in a moment."); }
    return detail.sent;
  }

  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function clock(seconds) {
    seconds = Math.max(0, Math.round(seconds));
    return Math.floor(seconds / 60) + ":" + pad(seconds % 60);
  }

  function remainingSeconds(run) {
    if (run.status === "running" && run.ends_at) {
      return (new Date(run.ends_at).getTime() - (Date.now() + state.offset)) / 1000;
    }
    return run.remaining_seconds || 0;
  }

  function tick() {
    var run = state.run;
    var timer = $("activity-timer");
    if (!run || run.status === "ended") {
      timer.textContent = "";
      $("activity-timer-note").textContent = "";
      return;
    }
    var left = remainingSeconds(run);
    timer.textContent = clock(left);
    timer.dataset.state = left <= 0 ? "up" : run.status;
    $("activity-timer-note").textContent = run.status === "paused" ? gettext("Paused by the facilitator.") :
      (left <= 0 ? gettext("Time's up for this step.") : "");
  }

  function apply(run) {
    if (run && state.run && run.id === state.run.id && run.version < state.run.version) { return; }
    state.run = run || null;
    if (run && run.server_time) {
      state.offset = new Date(run.server_time).getTime() - Date.now();
    }
    render();
    decorateAnswers();
  }

  // The run's texts in this page's language (the frame carries each language: one broadcast
  // reaches people who read different ones).
  function localized(run) {
    var texts = (run.texts || {})[document.documentElement.lang];
    if (!texts) { return { title: run.activity.title, step: run.step || {} }; }
    var step = run.step ? Object.assign({}, run.step, texts.steps[run.step_index] || {}) : {};
    return { title: texts.title, step: step };
  }

  function render() {
    var run = state.run;
    window.clearInterval(state.timer);
    var start = $("activity-start");
    if (!run) { card.hidden = true; if (start) { start.hidden = false; } return; }
    card.hidden = false;
    var ended = run.status === "ended";
    if (start) { start.hidden = !ended; }
    var shown = localized(run);
    $("activity-title").textContent = shown.title;
    var step = shown.step;
    if (ended) {
      $("activity-progress").textContent = gettext("Ended");
      $("activity-step-title").textContent = gettext("Thank you for taking part.");
      $("activity-instructions").textContent = "";
      $("activity-prompt").hidden = true;
    } else {
      $("activity-progress").textContent = interpolate(gettext("Step %(n)s of %(total)s"),
        { n: run.step_index + 1, total: run.steps_total }, true);
      $("activity-step-title").textContent = interpolate(
        ngettext("%(title)s (%(minutes)s minute)", "%(title)s (%(minutes)s minutes)", step.minutes),
        { title: step.title, minutes: step.minutes }, true);
      $("activity-instructions").textContent = step.instructions || "";
      $("activity-prompt").hidden = !step.prompt;
      $("activity-prompt-label").textContent = step.appreciation ?
        gettext("Appreciation prompt, answer in the chat (you can turn your answer into a recognition):") :
        gettext("Answer in the chat:");
      $("activity-prompt-text").textContent = step.prompt ?
        interpolate(gettext("“%(prompt)s”"), { prompt: step.prompt }, true) : "";
    }
    $("activity-rate").hidden = !ended || !!state.rated[run.id];
    $("activity-status").textContent = "";
    var controls = $("activity-controls");
    if (controls) {
      controls.hidden = ended;
      $("activity-back").disabled = run.step_index === 0;
      var pause = $("activity-pause");
      pause.textContent = run.status === "paused" ? gettext("Resume") : gettext("Pause");
      pause.setAttribute("aria-pressed", run.status === "paused" ? "true" : "false");
      $("activity-next").textContent = run.step_index + 1 >= run.steps_total ? gettext("Finish") : gettext("Next step");
    }
    tick();
    if (!ended) { state.timer = window.setInterval(tick, 250); }
  }

  // ---- Facilitator controls -----------------------------------------------------------------

  function control(type) {
    var frame = { type: type };
    if (state.run) { frame.version = state.run.version; }
    send(frame);
  }
  if ($("activity-controls")) {
    $("activity-next").addEventListener("click", function () { control("activity.next"); });
    $("activity-back").addEventListener("click", function () { control("activity.back"); });
    $("activity-end").addEventListener("click", function () { control("activity.end"); });
    $("activity-pause").addEventListener("click", function () {
      control(state.run && state.run.status === "paused" ? "activity.resume" : "activity.pause");
    });
  }
  if ($("activity-start-button")) {
    $("activity-start-button").addEventListener("click", function () {
      send({ type: "activity.start", activity: $("activity-choice").value });
    });
  }
  $("activity-answer").addEventListener("click", function () {
    var input = $("chat-input");
    if (input) { input.focus(); }
  });
  Array.prototype.forEach.call($("activity-rate").querySelectorAll("button[data-answer]"), function (b) {
    b.addEventListener("click", function () {
      if (state.run) { send({ type: "activity.rate", run: state.run.id, answer: b.dataset.answer }); }
    });
  });

  // ---- Frames ----------------------------------------------------------------------------------

  root.addEventListener("chat:frame", function (event) {
    var frame = event.detail;
    if (frame.type === "state") {
      if (frame.you) { state.me = frame.you; }
      apply(frame.activity || null);
    } else if (frame.type === "activity") {
      apply(frame.run);
    } else if (frame.type === "activity.rated") {
      state.rated[frame.run] = true;
      $("activity-rate").hidden = true;
      $("activity-status").textContent = frame.detail || gettext("Thank you.");
    } else if (frame.type === "error" && frame.run !== undefined) {
      apply(frame.run);
      $("activity-status").textContent = frame.detail || "";
    } else if (frame.type === "message" || frame.type === "history") {
      window.setTimeout(decorateAnswers, 0);
    }
  });

  // ---- Appreciation answers -> recognition ----------------------------------------------------

  function inAnswerWindow(iso) {
    var run = state.run;
    if (!run || !iso) { return false; }
    var at = new Date(iso).getTime();
    return (run.answer_windows || []).some(function (w) {
      var from = new Date(w.from).getTime();
      var until = w.until ? new Date(w.until).getTime() + ANSWER_GRACE_MS : Infinity;
      return from <= at && at <= until;
    });
  }

  function decorateAnswers() {
    if (!log) { return; }
    Array.prototype.forEach.call(log.querySelectorAll("li.chat-mine[data-id]"), function (li) {
      var actions = li.querySelector(".chat-actions");
      var time = li.querySelector("time");
      if (!actions || actions.querySelector(".chat-recognise") || li.dataset.recognised) { return; }
      if (!inAnswerWindow(time && time.dateTime)) { return; }
      var b = document.createElement("button");
      b.type = "button";
      b.className = "link-button chat-recognise";
      b.textContent = gettext("Turn into a recognition");
      b.addEventListener("click", function () { openRecognise(Number(li.dataset.id), li); });
      actions.appendChild(b);
    });
  }
  if (log && window.MutationObserver) {
    new MutationObserver(function () { decorateAnswers(); }).observe(log, {
      childList: true, subtree: true, attributes: true, attributeFilter: ["data-id"] });
  }

  var current = null;

  function urlFor(id) { return dialog.dataset.url.replace("/0/", "/" + id + "/"); }

  function choice(type, name, value, label, checked) {
    var wrap = document.createElement("div");
    wrap.className = "chat-choice";
    var input = document.createElement("input");
    input.type = type;
    input.name = name;
    input.value = String(value);
    input.id = "recognise-" + name + "-" + value;
    input.checked = !!checked;
    var l = document.createElement("label");
    l.htmlFor = input.id;
    l.textContent = label;
    wrap.appendChild(input);
    wrap.appendChild(l);
    return wrap;
  }

  function checkedLabels(container) {
    return Array.prototype.map.call(container.querySelectorAll("input:checked"), function (input) {
      return container.querySelector("label[for='" + input.id + "']").textContent;
    });
  }

  function updatePreview() {
    var who = checkedLabels($("recognise-members"));
    var values = checkedLabels($("recognise-values"));
    var seen = checkedLabels($("recognise-visibility"));
    var list = new Intl.ListFormat(document.documentElement.lang, { type: "conjunction" });
    $("recognise-preview").textContent = interpolate(
      gettext("For %(people)s · %(values)s · Seen by: %(audience)s · “%(text)s”"), {
        people: who.length ? list.format(who) : gettext("(choose someone)"),
        values: values.length ? list.format(values) : gettext("(choose a value)"),
        audience: seen[0] || "", text: $("recognise-text").value.trim() }, true);
  }

  function openRecognise(id, li) {
    current = { id: id, li: li };
    $("recognise-error").textContent = "";
    fetch(urlFor(id), { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) { throw new Error(gettext("This answer can't be turned into a recognition.")); }
        return response.json();
      })
      .then(function (data) {
        var members = $("recognise-members");
        members.textContent = "";
        data.members.forEach(function (m) {
          members.appendChild(choice("checkbox", "members", m.id, m.name, data.suggested.indexOf(m.id) !== -1));
        });
        var values = $("recognise-values");
        values.textContent = "";
        data.values.forEach(function (v) { values.appendChild(choice("checkbox", "values", v.id, v.name, false)); });
        var visibility = $("recognise-visibility");
        visibility.textContent = "";
        data.visibility.choices.forEach(function (c) {
          visibility.appendChild(choice("radio", "visibility", c.value, c.label, c.value === data.visibility.default));
        });
        $("recognise-text").value = data.message.body;
        $("recognise-allowance").textContent = data.remaining > 0 ?
          interpolate(ngettext("You can give %(remaining)s more this week (at most %(limit)s).",
                               "You can give %(remaining)s more this week (at most %(limit)s).",
                               data.remaining), { remaining: data.remaining, limit: data.limit }, true) :
          (data.next_available ?
            interpolate(ngettext("You have given %(limit)s this week, the most anyone can give; you can again from %(date)s.",
                                 "You have given %(limit)s this week, the most anyone can give; you can again from %(date)s.",
                                 data.limit), { limit: data.limit, date: data.next_available }, true) :
            interpolate(ngettext("You have given %(limit)s this week, the most anyone can give.",
                                 "You have given %(limit)s this week, the most anyone can give.",
                                 data.limit), { limit: data.limit }, true));
        $("recognise-submit").disabled = data.remaining <= 0 || data.already;
        if (data.already) { $("recognise-error").textContent = gettext("You already turned this answer into a recognition."); }
        updatePreview();
        dialog.showModal();
      })
      .catch(function (err) { $("activity-status").textContent = err.message; });
  }

  if (dialog) {
    dialog.addEventListener("change", updatePreview);
    dialog.addEventListener("input", updatePreview);
    dialog.querySelector("[data-close]").addEventListener("click", function () { dialog.close(); });
    $("recognise-form").addEventListener("submit", function (event) {
      event.preventDefault();
      if (!current) { return; }
      var body = new FormData();
      body.append("csrfmiddlewaretoken", dialog.querySelector("input[name=csrfmiddlewaretoken]").value);
      ["members", "values"].forEach(function (name) {
        Array.prototype.forEach.call(dialog.querySelectorAll("input[name=" + name + "]:checked"), function (input) {
          body.append(name, input.value);
        });
      });
      var visibility = dialog.querySelector("input[name=visibility]:checked");
      body.append("visibility", visibility ? visibility.value : "");
      body.append("text", $("recognise-text").value);
      var target = current;
      fetch(urlFor(target.id), { method: "POST", body: body, credentials: "same-origin",
                                 headers: { Accept: "application/json" } })
        .then(function (response) { return response.json().then(function (data) { return [response, data]; }); })
        .then(function (pair) {
          var response = pair[0], data = pair[1];
          if (!response.ok) {
            $("recognise-error").textContent = (data.errors || [gettext("Something went wrong.")]).join(" ");
            return;
          }
          dialog.close();
          target.li.dataset.recognised = "1";
          var button = target.li.querySelector(".chat-recognise");
          var a = document.createElement("a");
          a.href = data.url;
          a.className = "chat-recognise";
          a.textContent = gettext("Recognition shared");
          if (button) { button.replaceWith(a); }
          $("activity-status").textContent = data.detail || "";
            })
        .catch(function () { $("recognise-error").textContent = gettext("Not sent: check your connection and try again."); });
    });
  }
})();
