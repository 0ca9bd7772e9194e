// Listening practice in the chat room (sessions of kind "Listening practice"): the breakout,
// role and shared timer of the current round, the breakout's own messages, the observer's
// checklist, and for facilitators the round controls and every breakout. Frames:
// docs/realtime.md ("Listening practice"); the room's socket is chat.js's (window.chatSend).
// Texts through Django's JavaScript catalogue (gettext, ngettext, interpolate: loaded in <head>);
// lists joined the way the page's language joins them (Intl.ListFormat).
(function () {
  "use strict";
  var panel = document.getElementById("practice-panel");
  if (!panel) { return; }
  var $ = function (id) { return document.getElementById(id); };
  var isFacilitator = panel.getAttribute("data-role") === "facilitator";
  var ROLE_TEXT = { speaker: gettext("You are the speaker: share something real but not raw."),
                    listener: gettext("You are the listener: reflect, paraphrase, ask open questions."),
                    observer: gettext("You are the observer: notice what the listener does well.") };
  var ROLE_NAME = { speaker: gettext("speaker"), listener: gettext("listener"),
                    observer: gettext("observer") };
  var MOVE_NAME = { reflection: gettext("reflected a feeling"), paraphrase: gettext("paraphrased"),
                    open_question: gettext("asked open questions"), validation: gettext("validated"),
                    invitation: gettext("invited them to say more") };
  var lang = document.documentElement.lang || "en";

  function joinList(items) {
    if (window.Intl && Intl.ListFormat) {
      try {
        return new Intl.ListFormat(lang, { style: "long", type: "conjunction" }).format(items);
      } catch (e) { /* an unknown locale: fall through */ }
    }
    return items.join(", ");
  }
  var state = { round: null, breakout: null, role: null, endsAt: null, timer: null };

  function send(frame) {
    if (!window.chatSend || !window.chatSend(frame)) {
      $("practice-status").textContent = gettext("Not connected; try again in a moment.");
    }
  }

  function clientId() {
    return "p" + Date.now().toString(36) + Math.random().toString(36).slice(2, 10);
  }

  function tick() {
    if (!state.endsAt) { $("practice-timer").textContent = ""; return; }
    var left = Math.max(0, Math.round((state.endsAt - Date.now()) / 1000));
    var clock = Math.floor(left / 60) + ":" + ("0" + (left % 60)).slice(-2);
    $("practice-timer").textContent = left > 0
      ? interpolate(gettext("%(time)s left"), { time: clock }, true)
      : gettext("Time is up");
  }

  function startTimer(endsAt) {
    state.endsAt = Date.parse(endsAt);
    if (state.timer) { clearInterval(state.timer); }
    state.timer = setInterval(tick, 1000);
    tick();
  }

  function names(people) {
    return joinList(people.map(function (p) {
      return interpolate(gettext("%(name)s (%(role)s)"),
                         { name: p.name, role: ROLE_NAME[p.role] || p.role }, true);
    }));
  }

  function addMessage(frame) {
    var li = document.createElement("li");
    var who = document.createElement("strong");
    who.textContent = isFacilitator
      ? interpolate(gettext("#%(n)s %(name)s: "), { n: frame.breakout + 1, name: frame.author.name }, true)
      : interpolate(gettext("%(name)s: "), { name: frame.author.name }, true);
    li.appendChild(who);
    li.appendChild(document.createTextNode(frame.body));
    $("practice-log").appendChild(li);
  }

  var on = {
    "practice.started": function (frame) {
      state.round = frame.round;
      $("practice-status").textContent = interpolate(gettext("Round %(n)s has started."), { n: frame.round }, true);
      $("practice-feedback").hidden = true;
      if (isFacilitator) {
        $("practice-start").hidden = true;
        $("practice-end").hidden = false;
        $("practice-room").hidden = false;
        $("practice-log").textContent = "";
        startTimer(frame.ends_at);
      }
    },
    "practice.round": function (frame) {
      state.breakout = frame.breakout;
      state.role = frame.role;
      $("practice-room").hidden = false;
      if ($("practice-idle")) { $("practice-idle").hidden = true; }
      $("practice-role").textContent = ROLE_TEXT[frame.role] || frame.role;
      $("practice-people").textContent = interpolate(gettext("Your breakout: %(people)s"), { people: names(frame.people) }, true);
      $("practice-log").textContent = "";
      $("practice-checklist").hidden = frame.role !== "observer";
      startTimer(frame.ends_at);
    },
    "practice.breakouts": function (frame) {
      var list = $("practice-breakouts");
      var target = $("practice-target");
      list.textContent = "";
      target.textContent = "";
      frame.breakouts.forEach(function (b) {
        var li = document.createElement("li");
        li.textContent = interpolate(gettext("Breakout %(n)s: %(people)s"),
                                     { n: b.breakout + 1, people: names(b.people) }, true);
        list.appendChild(li);
        var option = document.createElement("option");
        option.value = b.breakout;
        option.textContent = interpolate(gettext("Join breakout %(n)s"), { n: b.breakout + 1 }, true);
        target.appendChild(option);
      });
    },
    "practice.message": addMessage,
    "practice.checklist": function (frame) {
      var parts = [];
      if (frame.did_well.length) {
        parts.push(interpolate(gettext("Did well: %(moves)s."), { moves: joinList(frame.did_well.map(function (code) {
          return MOVE_NAME[code] || code;
        })) }, true));
      }
      if (frame.try_next) { parts.push(interpolate(gettext("To try: %(text)s"), { text: frame.try_next }, true)); }
      $("practice-feedback-text").textContent = parts.join(" ");
      $("practice-feedback").hidden = false;
    },
    "practice.checklist_sent": function (frame) {
      $("practice-checklist").hidden = true;
      $("practice-status").textContent = frame.detail;
    },
    "practice.ended": function () {
      state.endsAt = null;
      tick();
      $("practice-status").textContent = gettext("The round has ended: back in the main room.");
      if (isFacilitator) {
        $("practice-start").hidden = false;
        $("practice-end").hidden = true;
      } else {
        $("practice-room").hidden = true;
      }
    }
  };

  // On arrival and after every reconnect, ask where this person stands in the running round.
  var wasConnected = false;
  setInterval(function () {
    var connected = !!(window.__chat && window.__chat.connected);
    if (connected && !wasConnected) {
      $("practice-log").textContent = "";
      send({ type: "practice.state" });
    }
    wasConnected = connected;
  }, 1000);

  document.addEventListener("chat:frame", function (event) {
    var frame = event.detail;
    if (frame && on[frame.type]) { on[frame.type](frame); }
  });

  if (isFacilitator) {
    $("practice-start").addEventListener("click", function () {
      send({ type: "practice.start", minutes: parseInt($("practice-minutes").value, 10) });
    });
    $("practice-end").addEventListener("click", function () { send({ type: "practice.end" }); });
  }

  $("practice-composer").addEventListener("submit", function (event) {
    event.preventDefault();
    var body = $("practice-input").value.trim();
    if (!body) { return; }
    var frame = { type: "practice.message", body: body, client_id: clientId() };
    if (isFacilitator) { frame.breakout = parseInt($("practice-target").value, 10); }
    send(frame);
    $("practice-input").value = "";
  });

  $("practice-checklist").addEventListener("submit", function (event) {
    event.preventDefault();
    var did = Array.prototype.map.call(
      panel.querySelectorAll("input[name=did_well]:checked"), function (box) { return box.value; });
    send({ type: "practice.checklist", did_well: did, try_next: $("practice-try").value });
  });
})();
