/* The presenter screen: large step cards and the timer, keyboard-driven. Each key is one POST
 * to the control URL (the same services as the chat's activity.* frames); the answer is the
 * whole run, so the screen always shows what the server holds. Text via textContent only. */
(function () {
  "use strict";

  var configNode = document.getElementById("presenter-config");
  if (!configNode) { return; }
  var config = JSON.parse(configNode.textContent);
  var $ = function (id) { return document.getElementById(id); };
  var state = { run: null, offset: 0, timer: null, busy: false };

  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function clock(s) { s = Math.max(0, Math.round(s)); return Math.floor(s / 60) + ":" + pad(s % 60); }

  function left(run) {
    if (run.status === "running" && run.ends_at) {
      return (new Date(run.ends_at).getTime() - (Date.now() + state.offset)) / 1000;
    }
    return run.remaining_seconds || 0;
  }

  function tick() {
    var run = state.run;
    if (!run || run.status === "ended") { $("presenter-timer").textContent = ""; return; }
    var seconds = left(run);
    $("presenter-timer").textContent = clock(seconds);
    $("presenter-timer").dataset.state = seconds <= 0 ? "up" : run.status;
    $("presenter-note").textContent = run.status === "paused" ? gettext("Paused") : (seconds <= 0 ? gettext("Time's up") : "");
  }

  function show(run) {
    state.run = run;
    if (run && run.server_time) { state.offset = new Date(run.server_time).getTime() - Date.now(); }
    window.clearInterval(state.timer);
    var active = !!run && run.status !== "ended";
    $("presenter-start").hidden = active;
    $("presenter-card").hidden = !run;
    if (!run) { return; }
    // The run's texts in this page's language (the frame carries each language).
    var texts = (run.texts || {})[document.documentElement.lang];
    $("presenter-title").textContent = texts ? texts.title : run.activity.title;
    if (run.status === "ended") {
      $("presenter-progress").textContent = gettext("Ended");
      $("presenter-step").textContent = gettext("Thank you, everyone.");
      $("presenter-instructions").textContent = "";
      $("presenter-prompt").hidden = true;
    } else {
      var step = Object.assign({}, run.step, texts ? texts.steps[run.step_index] : {});
      $("presenter-progress").textContent = interpolate(gettext("Step %(n)s of %(total)s"),
        { n: run.step_index + 1, total: run.steps_total }, true);
      $("presenter-step").textContent = step.title;
      $("presenter-instructions").textContent = step.instructions;
      $("presenter-prompt").hidden = !step.prompt;
      $("presenter-prompt").textContent = step.prompt ? interpolate(gettext("“%(prompt)s”"), { prompt: step.prompt }, true) : "";
    }
    tick();
    if (active) { state.timer = window.setInterval(tick, 250); }
  }

  function act(action, extra) {
    if (state.busy) { return; }
    state.busy = true;
    var body = new FormData($("presenter-form"));
    body.append("action", action);
    if (state.run && action !== "start") { body.append("version", String(state.run.version)); }
    Object.keys(extra || {}).forEach(function (k) { body.append(k, extra[k]); });
    fetch(config.controlUrl, { method: "POST", body: body, credentials: "same-origin",
                               headers: { Accept: "application/json" } })
      .then(function (r) { return r.json().then(function (data) { return [r, data]; }); })
      .then(function (pair) {
        var data = pair[1];
        $("presenter-error").textContent = pair[0].ok ? "" : (data.detail || gettext("That did not work."));
        if (data.run !== undefined) { show(data.run); }
      })
      .catch(function () { $("presenter-error").textContent = gettext("Not connected. Try again."); })
      .then(function () { state.busy = false; });
  }

  var start = $("presenter-start-button");
  if (start) {
    start.addEventListener("click", function () { act("start", { activity: $("presenter-choice").value }); });
  }

  document.addEventListener("keydown", function (event) {
    if (event.target && /^(INPUT|SELECT|TEXTAREA|BUTTON)$/.test(event.target.tagName)) { return; }
    var run = state.run;
    var running = run && run.status !== "ended";
    var key = event.key;
    if (key === "f" || key === "F") {
      if (document.fullscreenElement) { document.exitFullscreen(); }
      else if ($("presenter").requestFullscreen) { $("presenter").requestFullscreen(); }
      return;
    }
    if (!running) { return; }
    if (key === "ArrowRight" || key === " " || key === "PageDown") { event.preventDefault(); act("next"); }
    else if (key === "ArrowLeft" || key === "PageUp") { event.preventDefault(); act("back"); }
    else if (key === "p" || key === "P") { act(run.status === "paused" ? "resume" : "pause"); }
    else if (key === "e" || key === "E") { act("end"); }
  });

  show(config.run);
})();
