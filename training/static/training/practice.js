// Live feedback on a practice reply: as the learner types, the reply is sent to
// POST /training/api/feedback/ (nothing is stored) and the moves and pitfalls found are shown,
// each with the words that triggered it, why it matters, and what to try. Texts through Django's
// JavaScript catalogue (gettext, loaded in <head>); the feedback comes back in the learner's
// language from the server, read with their language's rules.
(function () {
  "use strict";
  var section = document.getElementById("practice");
  if (!section) { return; }
  var labels = {};
  try { labels = JSON.parse(section.getAttribute("data-labels") || "{}"); } catch (e) { labels = {}; }
  var MOVES = ["reflection", "paraphrase", "open_question", "validation", "invitation"];
  var DELAY_MS = 350;

  function render(box, data) {
    box.textContent = "";
    box.hidden = false;
    if (!data.notes || data.notes.length === 0) {
      var p = document.createElement("p");
      p.className = "muted";
      p.textContent = gettext("No listening move or pitfall yet. Try naming a feeling, saying back what you heard, or asking an open question.");
      box.appendChild(p);
      return;
    }
    var list = document.createElement("ul");
    list.className = "feedback-notes";
    data.notes.forEach(function (note) {
      var li = document.createElement("li");
      li.className = "feedback-note " + (MOVES.indexOf(note.code) >= 0 ? "is-move" : "is-pitfall");
      li.setAttribute("data-code", note.code);
      var code = document.createElement("strong");
      code.className = "feedback-code";
      code.textContent = labels[note.code] || note.code;
      var span = document.createElement("span");
      span.className = "feedback-span";
      span.textContent = note.span;
      var why = document.createElement("span");
      why.className = "feedback-why";
      why.textContent = note.why;
      var tryIt = document.createElement("span");
      tryIt.className = "feedback-try";
      tryIt.textContent = interpolate(gettext("Try: %(suggestion)s"), { suggestion: note["try"] }, true);
      li.appendChild(code);
      li.appendChild(document.createTextNode(": \u201c"));
      li.appendChild(span);
      li.appendChild(document.createTextNode("\u201d "));
      li.appendChild(why);
      li.appendChild(document.createTextNode(" "));
      li.appendChild(tryIt);
      list.appendChild(li);
    });
    box.appendChild(list);
  }

  function wire(form) {
    var textarea = form.querySelector("textarea");
    var box = form.querySelector(".live-feedback");
    var token = form.querySelector("input[name=csrfmiddlewaretoken]").value;
    var url = form.getAttribute("data-feedback-url");
    var timer = null;
    var sent = 0;

    function ask() {
      var text = textarea.value;
      if (!text.trim()) { box.hidden = true; box.textContent = ""; return; }
      var mine = ++sent;
      fetch(url, {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRFToken": token },
        body: JSON.stringify({ text: text })
      }).then(function (response) {
        if (!response.ok) { throw new Error("status " + response.status); }
        return response.json();
      }).then(function (data) {
        if (mine === sent) { render(box, data); }
      }).catch(function () {
        if (mine !== sent) { return; }
        box.hidden = false;
        box.textContent = gettext("Feedback is not available just now; you can still save your reply.");
      });
    }

    textarea.addEventListener("input", function () {
      if (timer) { clearTimeout(timer); }
      timer = setTimeout(ask, DELAY_MS);
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll(".practice-form"), wire);
})();
