/* PeerSupport live chat client. Plain JavaScript, no build step. Protocol: docs/realtime.md.
 *
 * What the client guarantees:
 * - every message the user typed stays in an outbox (mirrored in sessionStorage, for a reload)
 *   until the server echoes it back with an id; the outbox is re-sent after every reconnect and
 *   the server dedupes by client_id, so nothing is lost and nothing is doubled;
 * - the socket reconnects by itself (exponential backoff with jitter) and resumes with ?after=;
 *   messages are deduplicated by id, so there is no gap and no duplicate. The resume point
 *   overlaps the last RESYNC_OVERLAP messages on screen: a message hidden by a facilitator
 *   while this client was away is absent from that backfill and is removed here too;
 * - user text only ever reaches the page through textContent; links are built as elements.
 */
(function () {
  "use strict";

  // Every text is translated with Django's JavaScript catalogue (/jsi18n/, loaded in base.html's
  // <head> before this deferred script): gettext, ngettext, pgettext and interpolate are globals.
  // Should the catalogue fail to load, the chat still works, in English.
  var gettext = typeof window.gettext === "function" ? window.gettext : function (s) { return s; };
  var ngettext = typeof window.ngettext === "function" ? window.ngettext
    : function (one, many, n) { return n === 1 ? one : many; };
  var pgettext = typeof window.pgettext === "function" ? window.pgettext
    : function (context, s) { return s; };
  var interpolate = typeof window.interpolate === "function" ? window.interpolate
    : function (fmt, obj) {
      return fmt.replace(/%\(\w+\)s/g, function (m) { return String(obj[m.slice(2, -2)]); });
    };

  var configNode = document.getElementById("chat-config");
  var root = document.getElementById("chat");
  if (!configNode || !root) { return; }
  var config = JSON.parse(configNode.textContent);
  var isModerator = config.role === "facilitator";

  var ACK_TIMEOUT_MS = 10000;       // no echo by then: the socket is dead without knowing it
  var PING_EVERY_MS = 25000;
  var PONG_TIMEOUT_MS = 10000;
  var CHECK_TIMEOUT_MS = 1500;      // the pre-send nudge never holds a message back longer
  var TYPING_SEND_EVERY_MS = 3000;
  var TYPING_SHOW_MS = 5000;
  var BACKOFF_BASE_MS = 500;
  var BACKOFF_CAP_MS = 20000;
  var RESYNC_OVERLAP = 50;

  var $ = function (id) { return document.getElementById(id); };
  var el = {
    log: $("chat-log"), input: $("chat-input"), form: $("chat-composer"), send: $("chat-send"),
    error: $("chat-error"), connection: $("chat-connection"), roomState: $("chat-room-state"),
    roomNotice: $("chat-notice"), typing: $("chat-typing"), presence: $("chat-presence"),
    presenceCount: $("chat-presence-count"), lobby: $("chat-lobby"), lobbyText: $("chat-lobby-text"),
    counter: $("chat-counter"), hand: $("chat-hand"), release: $("chat-release"),
    circle: $("chat-circle"), holder: $("chat-holder"), queue: $("chat-queue"),
    nudge: $("chat-nudge"), nudgeText: $("chat-nudge-text"), nudgeSend: $("chat-nudge-send"),
    nudgeEdit: $("chat-nudge-edit"),
    flagDialog: $("flag-dialog"), flagForm: $("flag-form"), flagQuote: $("flag-quote"),
    flagReason: $("flag-reason"), flagError: $("flag-error"),
    modDialog: $("mod-dialog"), modForm: $("mod-form"), modSubject: $("mod-subject"),
    modMinutes: $("mod-minutes"), modMinutesField: $("mod-minutes-field"),
    modScopeField: $("mod-scope-field"), modReason: $("mod-reason"), modError: $("mod-error"),
    modLock: $("mod-lock"), modSlow: $("mod-slow"), modCircle: $("mod-circle"),
    modPass: $("mod-pass"), alerts: $("mod-alerts"),
  };

  var storageKey = "peersupport.chat.outbox." + config.sessionId;
  var state = {
    me: config.me,
    socket: null,
    lastId: 0,
    messages: new Map(),      // id -> <li>, in id order in the log
    outbox: new Map(),        // client_id -> {body, li, sentAt, retryTimer}
    resync: null,             // {after, seen: {id: true}} while a backfill is arriving
    attempt: 0,
    reconnectTimer: null,
    ackTimer: null,
    pingTimer: null,
    pongDue: 0,
    lastFrameAt: 0,
    closedForGood: false,
    goneReason: "",
    goTo: "",
    typingSentAt: 0,
    typers: new Map(),        // member id -> {name, timer}
    presence: new Map(),      // member id -> person
    room: { phase: config.room.phase || "open", locked: !!config.room.locked,
            slow_mode_seconds: config.room.slow_mode_seconds || 0, opens_at: null },
    piece: { circle: false, holder: null, queue: [] },
    sanction: null,
    checks: new Map(),        // ref -> callback
    flagTarget: null,
    modAction: null,
    pendingBody: null,
    errorCondition: null,     // why the error banner shows, while that still holds (see below)
  };

  // ---- Formatting -----------------------------------------------------------------------

  var timeFormat = makeTimeFormat();

  /** 24-hour times in the viewer's profile zone, like the server-rendered pages. */
  function makeTimeFormat() {
    var options = { hour: "2-digit", minute: "2-digit", hourCycle: "h23" };
    try {
      return new Intl.DateTimeFormat(document.documentElement.lang || undefined,
                                     Object.assign({ timeZone: config.timeZone }, options));
    } catch (err) {
      return new Intl.DateTimeFormat(undefined, options);  // an unknown zone name
    }
  }
  var URL_PATTERN = /\bhttps?:\/\/[^\s<>"'`]+/gi;
  var TRAILING_PUNCTUATION = /[.,;:!?)\]}]+$/;

  /** "Ana, Bo and Chen" in the page's language. */
  function listFormat(names) {
    try {
      return new Intl.ListFormat(document.documentElement.lang || undefined,
                                 { style: "long", type: "conjunction" }).format(names);
    } catch (err) {
      return names.join(", ");
    }
  }

  function formatTime(iso) {
    var date = new Date(iso);
    return isNaN(date.getTime()) ? "" : timeFormat.format(date);
  }

  function uuid() {
    if (window.crypto && typeof window.crypto.randomUUID === "function") {
      return window.crypto.randomUUID();
    }
    // crypto.randomUUID needs a secure context; plain-http intranets still get a v4 UUID.
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); });
    return hex.slice(0, 4).join("") + "-" + hex.slice(4, 6).join("") + "-" +
      hex.slice(6, 8).join("") + "-" + hex.slice(8, 10).join("") + "-" + hex.slice(10).join("");
  }

  /** Appends `text` to `parent` as text nodes, with http(s) URLs as safe links. Never innerHTML. */
  function renderBody(parent, text) {
    var last = 0;
    text.replace(URL_PATTERN, function (match, offset) {
      var url = match;
      var punct = url.match(TRAILING_PUNCTUATION);
      if (punct) { url = url.slice(0, -punct[0].length); }
      var parsed = null;
      try { parsed = new URL(url); } catch (err) { parsed = null; }
      if (!parsed || (parsed.protocol !== "http:" && parsed.protocol !== "https:")) { return match; }
      parent.appendChild(document.createTextNode(text.slice(last, offset)));
      var a = document.createElement("a");
      a.href = parsed.href;
      a.textContent = url;
      a.rel = "noopener noreferrer nofollow";
      a.target = "_blank";
      parent.appendChild(a);
      last = offset + url.length;
      return match;
    });
    parent.appendChild(document.createTextNode(text.slice(last)));
  }

  function button(label, className, onClick, ariaLabel) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = className;
    b.textContent = label;
    if (ariaLabel) { b.setAttribute("aria-label", ariaLabel); }
    b.addEventListener("click", onClick);
    return b;
  }

  function personName(person) { return (person && person.name) || gettext("Someone"); }

  /** Fills `parent` with a person's name (its own text direction: Arabic, Hebrew...), their
   *  pronouns when the frame carries some, and "(you)". */
  function showName(parent, person, mine) {
    parent.textContent = "";
    var name = document.createElement("span");
    name.className = "person-name";
    name.dir = "auto";
    name.textContent = personName(person);
    parent.appendChild(name);
    if (person && person.pronouns) {
      parent.appendChild(document.createTextNode(" "));
      var pronouns = document.createElement("span");
      pronouns.className = "pronouns";
      pronouns.dir = "auto";
      pronouns.textContent = interpolate(gettext("(%(pronouns)s)"), { pronouns: person.pronouns }, true);
      parent.appendChild(pronouns);
    }
    if (mine) { parent.appendChild(document.createTextNode(" " + gettext("(you)"))); }
  }
  function isMe(person) { return !!person && person.id === state.me.id; }

  // ---- Messages -----------------------------------------------------------------------------

  function buildMessage(msg, pending) {
    var li = document.createElement("li");
    li.className = "chat-message";
    var head = document.createElement("p");
    head.className = "chat-meta";
    var who = document.createElement("strong");
    who.className = "chat-author";
    head.appendChild(who);
    var when = document.createElement("time");
    when.className = "chat-time";
    head.appendChild(when);
    var status = document.createElement("span");
    status.className = "chat-status";
    head.appendChild(status);
    li.appendChild(head);
    var body = document.createElement("p");
    body.className = "chat-body";
    body.dir = "auto";  // a message in Arabic or Hebrew reads right to left
    renderBody(body, msg.body || "");
    li.appendChild(body);
    var actions = document.createElement("div");
    actions.className = "chat-actions";
    li.appendChild(actions);
    if (pending) {
      li.classList.add("chat-pending", "chat-mine");
      li.dataset.clientId = msg.client_id;
      showName(who, state.me, true);
      status.textContent = gettext("Sending…");
    } else {
      confirmMessage(li, msg);
    }
    return li;
  }

  /** Makes `li` show the stored message `msg` (id, author, sent_at), with its actions. */
  function confirmMessage(li, msg) {
    var mine = isMe(msg.author);
    var name = personName(msg.author);
    li.classList.remove("chat-pending", "chat-failed");
    li.classList.toggle("chat-mine", mine);
    li.classList.toggle("chat-by-facilitator", !!(msg.author && msg.author.facilitator));
    li.querySelector(".chat-author").dataset.facilitator = pgettext("shown after a name in the chat", "facilitator");
    li.dataset.id = String(msg.id);
    delete li.dataset.clientId;
    showName(li.querySelector(".chat-author"), msg.author, mine);
    li.querySelector(".chat-status").textContent = "";
    var time = li.querySelector(".chat-time");
    var date = new Date(msg.sent_at);
    if (!isNaN(date.getTime())) {
      time.dateTime = date.toISOString();
      time.textContent = timeFormat.format(date);
    }
    var actions = li.querySelector(".chat-actions");
    actions.textContent = "";
    if (!mine) {
      actions.appendChild(button(gettext("Flag"), "link-button chat-flag", function () {
        openFlagDialog(msg.id, li);
      }, interpolate(gettext("Flag message from %(name)s"), { name: name }, true)));
    }
    if (isModerator) {
      actions.appendChild(button(gettext("Hide"), "link-button chat-hide", function () {
        openModDialog({ type: "mod.hide", message_id: msg.id,
                        subject: interpolate(gettext("Hide this message from %(name)s for everyone."), { name: name }, true) });
      }, interpolate(gettext("Hide message from %(name)s"), { name: name }, true)));
      if (!mine && msg.author && !msg.author.facilitator) {
        actions.appendChild(button(gettext("Mute"), "link-button chat-mute", function () {
          openModDialog({ type: "mod.mute", member_id: msg.author.id,
                          subject: interpolate(gettext("Mute %(name)s in this session."), { name: name }, true) });
        }, interpolate(gettext("Mute %(name)s"), { name: name }, true)));
        actions.appendChild(button(gettext("Remove"), "link-button chat-remove", function () {
          openModDialog({ type: "mod.remove", member_id: msg.author.id,
                          subject: interpolate(gettext("Remove %(name)s."), { name: name }, true) });
        }, interpolate(gettext("Remove %(name)s"), { name: name }, true)));
      }
    }
    actions.querySelectorAll("button").forEach(function (b) { b.tabIndex = -1; });
    keepOneActionStop();
  }

  // ---- Keyboard: the message list is two Tab stops however long it grows --------------------
  // The list itself (to scroll it), then one roving button; arrow keys, Home and End move
  // between the messages' buttons, and the next Tab reaches the composer.

  function actionButtons() {
    return Array.prototype.slice.call(el.log.querySelectorAll(".chat-actions button"));
  }

  var roved = null;  // the button the person last moved to; else the stop follows the latest

  function keepOneActionStop() {
    var buttons = actionButtons();
    if (!buttons.length) { return; }
    var stop = roved && buttons.indexOf(roved) >= 0 ? roved
      : buttons[buttons.length - 1].closest(".chat-actions").querySelector("button");
    buttons.forEach(function (b) { b.tabIndex = b === stop ? 0 : -1; });
  }

  function roveTo(target) {
    roved = target;
    keepOneActionStop();
    target.focus();
  }

  el.log.addEventListener("focusin", keepOneActionStop);
  var skip = document.querySelector(".chat-skip");
  if (skip) {
    skip.addEventListener("click", function (event) { event.preventDefault(); el.input.focus(); });
  }
  el.log.addEventListener("keydown", function (event) {
    var buttons = actionButtons();
    var at = buttons.indexOf(document.activeElement);
    if (at < 0) { return; }  // on the list itself, arrows scroll it
    var next = { ArrowDown: at + 1, ArrowRight: at + 1, ArrowUp: at - 1, ArrowLeft: at - 1,
                 Home: 0, End: buttons.length - 1 }[event.key];
    if (next === undefined) { return; }
    event.preventDefault();
    roveTo(buttons[Math.max(0, Math.min(buttons.length - 1, next))]);
  });

  /** Shows a stored message once, in id order. Returns false when it was already shown. */
  function addStored(msg) {
    if (typeof msg.id !== "number") { return false; }
    var pending = msg.client_id ? state.outbox.get(msg.client_id) : null;
    if (pending) {
      window.clearTimeout(pending.retryTimer);
      state.outbox.delete(msg.client_id);
      saveOutbox();
    }
    if (state.messages.has(msg.id)) {
      if (pending && pending.li !== state.messages.get(msg.id)) { pending.li.remove(); }
      return false;
    }
    var li;
    if (pending) { li = pending.li; confirmMessage(li, msg); } else { li = buildMessage(msg, false); }
    state.messages.set(msg.id, li);
    var before = null;
    if (msg.id < state.lastId) {
      var items = el.log.querySelectorAll("li[data-id]");
      for (var i = 0; i < items.length; i += 1) {
        if (Number(items[i].dataset.id) > msg.id) { before = items[i]; break; }
      }
    }
    // Before the messages still on their way, which stay last until echoed. A refused one stays
    // where it was written: newer messages go below it, not above.
    if (!before) { before = el.log.querySelector("li.chat-pending"); }
    if (before !== li) { el.log.insertBefore(li, before); }
    state.lastId = Math.max(state.lastId, msg.id);
    return true;
  }

  function removeMessage(id) {
    var li = state.messages.get(id);
    if (!li) { return; }
    li.remove();
    state.messages.delete(id);
  }

  function scrollToEnd(force) {
    var nearEnd = el.log.scrollHeight - el.log.scrollTop - el.log.clientHeight < 160;
    if (force || nearEnd) { el.log.scrollTop = el.log.scrollHeight; }
  }

  /** The ?after= to resume from: a little before the last id, to learn what was hidden meanwhile. */
  function resumeAfter() {
    if (!state.lastId) { return 0; }
    var ids = Array.from(state.messages.keys()).sort(function (x, y) { return x - y; });
    if (!ids.length) { return state.lastId; }
    return ids.length > RESYNC_OVERLAP ? ids[ids.length - RESYNC_OVERLAP - 1] : ids[0] - 1;
  }

  function finishResync() {
    var resync = state.resync;
    state.resync = null;
    if (!resync) { return; }
    // Shown messages inside the backfill's range that the server no longer sends were hidden.
    Array.from(state.messages.keys()).forEach(function (id) {
      if (id > resync.after && !resync.seen[id]) { removeMessage(id); }
    });
  }

  // ---- Outbox ---------------------------------------------------------------------------------

  function saveOutbox() {
    try {
      var items = [];
      state.outbox.forEach(function (item, clientId) { items.push({ client_id: clientId, body: item.body }); });
      if (items.length) { window.sessionStorage.setItem(storageKey, JSON.stringify(items)); }
      else { window.sessionStorage.removeItem(storageKey); }
    } catch (err) { /* storage unavailable (private mode): the in-memory outbox still holds */ }
  }

  function loadOutbox() {
    var items = [];
    try { items = JSON.parse(window.sessionStorage.getItem(storageKey) || "[]"); } catch (err) { items = []; }
    if (!Array.isArray(items)) { return; }
    items.forEach(function (item) {
      if (item && typeof item.body === "string" && typeof item.client_id === "string") {
        queueMessage(item.body, item.client_id);
      }
    });
  }

  function queueMessage(body, clientId) {
    clientId = clientId || uuid();
    var li = buildMessage({ client_id: clientId, body: body }, true);
    el.log.appendChild(li);
    state.outbox.set(clientId, { body: body, li: li, sentAt: 0, retryTimer: null });
    saveOutbox();
    scrollToEnd(true);
    transmit(clientId);
  }

  function transmit(clientId) {
    var item = state.outbox.get(clientId);
    if (!item || !isOpen() || state.resync) { return; }
    item.sentAt = Date.now();
    item.li.querySelector(".chat-status").textContent = gettext("Sending…");
    sendFrame({ type: "message", body: item.body, client_id: clientId });
    armAckTimer();
  }

  function flushOutbox() {
    var now = Date.now();
    state.outbox.forEach(function (item, clientId) {
      // One held back by the rate limit or slow mode goes out when its own timer fires.
      if (!item.waitUntil || item.waitUntil <= now) { transmit(clientId); }
    });
  }

  /** The server refused it for good: keep the text on screen, offer retry, edit and discard. */
  function failMessage(clientId, detail) {
    var item = state.outbox.get(clientId);
    if (!item) { return; }
    window.clearTimeout(item.retryTimer);
    state.outbox.delete(clientId);
    saveOutbox();
    var li = item.li;
    li.classList.remove("chat-pending");
    li.classList.add("chat-failed");
    li.querySelector(".chat-status").textContent = interpolate(gettext("Not sent: %(reason)s"), { reason: detail }, true);
    var actions = li.querySelector(".chat-actions");
    actions.textContent = "";
    actions.appendChild(button(gettext("Try again"), "link-button", function () {
      li.remove();
      queueMessage(item.body);
    }));
    actions.appendChild(button(gettext("Edit"), "link-button", function () {
      li.remove();
      el.input.value = item.body;
      updateCounter();
      el.input.focus();
    }));
    actions.appendChild(button(gettext("Discard"), "link-button", function () { li.remove(); el.input.focus(); }));
  }

  function armAckTimer() {
    if (state.ackTimer) { return; }
    state.ackTimer = window.setTimeout(function () {
      state.ackTimer = null;
      var now = Date.now();
      var stale = false;
      state.outbox.forEach(function (item) {
        if (item.sentAt && now - item.sentAt >= ACK_TIMEOUT_MS) { stale = true; }
      });
      if (stale && state.socket) { state.socket.close(4000, "no acknowledgement"); }
      else if (state.outbox.size) { armAckTimer(); }
    }, ACK_TIMEOUT_MS);
  }

  // ---- Socket ---------------------------------------------------------------------------------

  function isOpen() { return !!state.socket && state.socket.readyState === WebSocket.OPEN; }

  function sendFrame(frame) {
    if (!isOpen()) { return false; }
    state.socket.send(JSON.stringify(frame));
    return true;
  }

  function setConnection(kind, text) {
    el.connection.dataset.state = kind;
    el.connection.textContent = text;
    root.dataset.connection = kind;
    updateComposer();
  }

  function connect() {
    window.clearTimeout(state.reconnectTimer);
    state.reconnectTimer = null;
    if (state.closedForGood) { return; }
    var after = resumeAfter();
    state.resync = after ? { after: after, seen: {} } : null;
    var scheme = window.location.protocol === "https:" ? "wss:" : "ws:";
    var url = scheme + "//" + window.location.host + config.wsPath + (after ? "?after=" + after : "");
    var socket = new WebSocket(url);
    state.socket = socket;
    socket.addEventListener("open", function () {
      if (socket !== state.socket) { return; }
      setConnection("open", gettext("Connected"));
      startPinging();
    });
    socket.addEventListener("message", function (event) {
      if (socket !== state.socket) { return; }
      var frame;
      try { frame = JSON.parse(event.data); } catch (err) { return; }
      if (frame && typeof frame.type === "string") { handleFrame(frame); }
    });
    socket.addEventListener("close", function (event) {
      if (socket !== state.socket) { return; }
      state.socket = null;
      state.resync = null;
      window.clearTimeout(state.ackTimer);
      state.ackTimer = null;
      window.clearInterval(state.pingTimer);
      state.outbox.forEach(function (item) { item.sentAt = 0; });
      onClosed(event.code);
    });
  }

  function onClosed(code) {
    if (code === 4401) { return finalClose(gettext("You are signed out."), config.loginUrl); }
    if (code === 4409) {
      return finalClose(gettext("The ground rules changed. Please read them again."),
                        state.goTo || config.acceptRulesUrl);
    }
    if (code === 4403) { return finalClose(gettext("You are not a member of this group any more.")); }
    if (code === 4404) { return finalClose(gettext("This chat room was not found.")); }
    if (code === 4410) { return finalClose(state.goneReason || el.error.textContent || gettext("This chat is closed to you.")); }
    scheduleReconnect();
  }

  function finalClose(text, goTo) {
    state.closedForGood = true;
    setConnection("closed", text);
    if (goTo && goTo.charAt(0) === "/" && goTo.charAt(1) !== "/") {
      window.setTimeout(function () { window.location.assign(goTo); }, 1500);
    }
  }

  function scheduleReconnect() {
    state.attempt += 1;
    // Exponential backoff with "equal jitter": half the step is fixed, half random, so many
    // clients dropped by one server restart do not come back in the same instant.
    var step = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * Math.pow(2, state.attempt - 1));
    var delay = step / 2 + Math.random() * (step / 2);
    setConnection("reconnecting", gettext("Reconnecting… your messages are kept and will be sent."));
    state.reconnectTimer = window.setTimeout(connect, delay);
  }

  function reconnectNow() {
    if (state.closedForGood || state.socket) { return; }
    state.attempt = 0;
    connect();
  }

  function startPinging() {
    window.clearInterval(state.pingTimer);
    state.pongDue = 0;
    state.pingTimer = window.setInterval(function () {
      if (!isOpen()) { return; }
      if (state.pongDue && Date.now() > state.pongDue) {
        state.socket.close(4000, "no pong");
        return;
      }
      if (!state.pongDue && Date.now() - state.lastFrameAt > PING_EVERY_MS / 2) {
        state.pongDue = Date.now() + PONG_TIMEOUT_MS;
        sendFrame({ type: "ping" });
      }
    }, PING_EVERY_MS / 2);
  }

  // ---- Frames -----------------------------------------------------------------------------------

  var handlers = {
    history: function (frame) {
      var added = false;
      (frame.messages || []).forEach(function (msg) {
        if (state.resync) { state.resync.seen[msg.id] = true; }
        added = addStored(msg) || added;
      });
      if (!frame.more) {
        finishResync();
        state.attempt = 0;
        flushOutbox();
      }
      scrollToEnd(added);
    },
    state: function (frame) {
      if (frame.you) { state.me = frame.you; }
      if (frame.room) { applyRoom(frame.room); }
      if (frame.talking_piece) { applyTalkingPiece(frame.talking_piece); }
      if (frame.presence) { setPresence(frame.presence); }
      if (frame.limits && frame.limits.max_length) { config.maxLength = frame.limits.max_length; }
      state.sanction = frame.sanction || null;
      renderRoom();
    },
    message: function (frame) {
      var mine = isMe(frame.author);
      if (addStored(frame)) { scrollToEnd(mine); }
      if (frame.author) { stopTyping(frame.author.id); }
    },
    error: function (frame) { showError(frame); },
    "presence.join": function (frame) {
      if (frame.person) { state.presence.set(frame.person.id, frame.person); renderPresence(); }
    },
    "presence.leave": function (frame) {
      if (frame.person) {
        state.presence.delete(frame.person.id);
        stopTyping(frame.person.id);
        renderPresence();
      }
    },
    typing: function (frame) {
      if (frame.person && !isMe(frame.person)) { startTyping(frame.person.id, personName(frame.person)); }
    },
    check: function (frame) { resolveCheck(frame); },
    flagged: function (frame) {
      notice(frame.detail || gettext("Thank you. A facilitator will look at the message."));
    },
    "message.hidden": function (frame) { removeMessage(frame.message_id); },
    "member.muted": function (frame) {
      if (isModerator && frame.person) {
        notice(interpolate(gettext("%(name)s is muted until %(time)s."), { name: personName(frame.person), time: formatTime(frame.until) }, true));
      }
    },
    "member.unmuted": function (frame) {
      if (isModerator && frame.person) { notice(interpolate(gettext("%(name)s is no longer muted."), { name: personName(frame.person) }, true)); }
    },
    "member.removed": function (frame) {
      if (!frame.person || isMe(frame.person)) { return; }
      state.presence.delete(frame.person.id);
      renderPresence();
      if (isModerator) {
        notice(interpolate(frame.scope === "group" ? gettext("%(name)s was removed from the group.")
          : gettext("%(name)s was removed from this session's chat."), { name: personName(frame.person) }, true));
      }
    },
    "room.locked": function () { state.room.locked = true; renderRoom(); },
    "room.unlocked": function () { state.room.locked = false; renderRoom(); },
    "room.slow_mode": function (frame) { state.room.slow_mode_seconds = frame.seconds || 0; renderRoom(); },
    "room.opened": function () { state.room.phase = "open"; renderRoom(); },
    "room.closed": function (frame) {
      // The close (4410) follows at once: say why, not the generic "closed to you".
      state.goneReason = frame.detail || gettext("This session is closed.");
      state.room.phase = "ended";
      renderRoom();
    },
    lobby: function (frame) {
      state.room.phase = "lobby";
      if (frame.detail) { el.lobbyText.textContent = frame.detail; }
      renderRoom();
    },
    talking_piece: function (frame) { applyTalkingPiece(frame); renderRoom(); },
    sanction: function (frame) { applySanction(frame); },
    support: function (frame) { showSupport(frame); },
    alert: function (frame) { showAlert(frame); },
    pong: function () { state.pongDue = 0; },
  };

  function handleFrame(frame) {
    state.lastFrameAt = Date.now();
    var handler = handlers[frame.type];
    if (handler) { handler(frame); }
    // Other parts of the page (static/activities/live.js) follow the room's frames too.
    root.dispatchEvent(new CustomEvent("chat:frame", { detail: frame }));
    // Page add-ons (e.g. static/training/practice-room.js) follow frames this script ignores.
    if (!handler) { document.dispatchEvent(new CustomEvent("chat:frame", { detail: frame })); }
  }

  // Codes after which the same frame would be refused again: keep the text, offer retry/edit.
  var WAIT_CODES = { rate_limited: true, slow_mode: true };

  function showError(frame) {
    var detail = frame.detail || gettext("Something went wrong.");
    var item = frame.client_id ? state.outbox.get(frame.client_id) : null;
    if (item && WAIT_CODES[frame.code] && frame.retry_after) {
      // Held back, not refused: it stays in the outbox and goes out by itself after the wait.
      var wait = Math.max(1, Number(frame.retry_after)) * 1000;
      item.sentAt = 0;
      item.waitUntil = Date.now() + wait;
      item.li.querySelector(".chat-status").textContent = interpolate(
        gettext("Waiting %(seconds)s s: %(reason)s"), { seconds: Math.ceil(wait / 1000), reason: detail }, true);
      window.clearTimeout(item.retryTimer);
      item.retryTimer = window.setTimeout(function () {
        item.waitUntil = 0;
        transmit(frame.client_id);
      }, wait);
      return;
    }
    if (item) { failMessage(frame.client_id, detail); }
    if (frame.code === "muted") {
      // The room state line says it (with until and reason); a banner would say it twice.
      applySanction({ kind: "muted", until: frame.until, reason: frame.reason });
    } else {
      setError(detail, CONDITION_OF_CODE[frame.code] || null);
    }
    if (frame.code === "rules_not_accepted") {
      state.goTo = frame.accept_url || config.acceptRulesUrl;
    }
  }

  function applySanction(frame) {
    var kind = frame.kind;
    if (kind === "muted") {
      state.sanction = { kind: "muted", until: frame.until, reason: frame.reason || "" };
      if (frame.until) {
        var wait = new Date(frame.until).getTime() - Date.now();
        if (wait > 0) { window.setTimeout(renderRoom, Math.min(wait + 500, 2147483000)); }
      }
    } else if (kind === "unmuted") {
      state.sanction = null;
    } else if (kind === "removed" || kind === "banned") {
      if (frame.reason) {
        state.goneReason = interpolate(kind === "banned"
          ? gettext("A facilitator removed you from the group. Reason: %(reason)s")
          : gettext("A facilitator removed you from this session's chat. Reason: %(reason)s"),
          { reason: frame.reason }, true);
      } else {
        state.goneReason = kind === "banned" ? gettext("A facilitator removed you from the group.")
          : gettext("A facilitator removed you from this session's chat.");
      }
    } else if (kind === "message_hidden") {
      notice(frame.reason
        ? interpolate(gettext("A facilitator hid one of your messages. Reason: %(reason)s"), { reason: frame.reason }, true)
        : gettext("A facilitator hid one of your messages."));
      return;
    }
    // Muted: the room state line shows it until it ends; the notice would repeat it.
    if (frame.detail && kind !== "removed" && kind !== "banned" && kind !== "muted") {
      notice(frame.detail);
    }
    renderRoom();
  }

  function notice(text) {
    el.roomNotice.textContent = text;
  }

  function safeHref(url, schemes) {
    if (typeof url !== "string" || !url) { return null; }
    if (url.charAt(0) === "/" && url.charAt(1) !== "/") { return url; }
    try {
      var parsed = new URL(url);
      return schemes.indexOf(parsed.protocol) !== -1 ? parsed.href : null;
    } catch (err) { return null; }
  }

  function link(text, href) {
    var a = document.createElement("a");
    a.href = href;
    a.textContent = text;
    if (href.charAt(0) !== "/") { a.rel = "noopener noreferrer nofollow"; a.target = "_blank"; }
    return a;
  }

  function showSupport(frame) {
    var li = document.createElement("li");
    li.className = "chat-message chat-support-note";
    var p = document.createElement("p");
    p.textContent = frame.detail || gettext("It sounds like things are hard right now. You are not alone.");
    li.appendChild(p);
    var list = document.createElement("ul");
    (frame.resources || []).forEach(function (resource) {
      var item = document.createElement("li");
      var href = safeHref(resource.url, ["http:", "https:"]);
      item.appendChild(href ? link(resource.title || href, href) : document.createTextNode(resource.title || ""));
      var tel = safeHref(resource.phone_href, ["tel:"]);
      if (resource.phone) {
        item.appendChild(document.createTextNode(" · "));
        item.appendChild(tel ? link(resource.phone, tel) : document.createTextNode(resource.phone));
      }
      list.appendChild(item);
    });
    li.appendChild(list);
    var more = safeHref(frame.support_url, []);
    var only = document.createElement("p");
    only.className = "muted";
    only.textContent = gettext("Only you can see this.") + " ";
    if (more) { only.appendChild(link(gettext("More support options"), more)); }
    li.appendChild(only);
    el.log.appendChild(li);
    scrollToEnd(true);
  }

  function showAlert(frame) {
    if (!isModerator || !el.alerts) { return; }
    var li = document.createElement("li");
    var alertFormat = frame.kind === "distress"
      ? (frame.person ? gettext("Check in: %(detail)s (%(name)s)") : gettext("Check in: %(detail)s"))
      : (frame.person ? gettext("Flag: %(detail)s (%(name)s)") : gettext("Flag: %(detail)s"));
    li.textContent = interpolate(alertFormat, { detail: frame.detail || "",
                                               name: frame.person ? personName(frame.person) : "" }, true) + " ";
    var href = safeHref(frame.queue_url, []);
    if (href) { li.appendChild(link(gettext("Open the queue"), href)); }
    el.alerts.insertBefore(li, el.alerts.firstChild);
  }

  // ---- Presence and typing --------------------------------------------------------------------

  function setPresence(people) {
    state.presence.clear();
    people.forEach(function (person) { state.presence.set(person.id, person); });
    renderPresence();
  }

  function renderPresence() {
    el.presence.textContent = "";
    var people = Array.from(state.presence.values()).sort(function (x, y) {
      if (!!x.facilitator !== !!y.facilitator) { return x.facilitator ? -1 : 1; }
      return personName(x).localeCompare(personName(y));
    });
    people.forEach(function (person) {
      var li = document.createElement("li");
      showName(li, person, isMe(person));
      if (person.facilitator) {
        li.appendChild(document.createTextNode(" "));
        var badge = document.createElement("span");
        badge.className = "badge chat-badge";
        badge.textContent = pgettext("shown after a name in the chat", "facilitator");
        li.appendChild(badge);
      }
      el.presence.appendChild(li);
    });
    el.presenceCount.textContent = String(people.length);
  }

  function startTyping(id, name) {
    var existing = state.typers.get(id);
    if (existing) { window.clearTimeout(existing.timer); }
    var timer = window.setTimeout(function () { stopTyping(id); }, TYPING_SHOW_MS);
    state.typers.set(id, { name: name, timer: timer });
    renderTyping();
  }

  function stopTyping(id) {
    var existing = state.typers.get(id);
    if (!existing) { return; }
    window.clearTimeout(existing.timer);
    state.typers.delete(id);
    renderTyping();
  }

  function renderTyping() {
    var names = [];
    state.typers.forEach(function (item) { names.push(item.name); });
    if (!names.length) { el.typing.textContent = ""; }
    else if (names.length === 1) { el.typing.textContent = interpolate(gettext("%(name)s is typing…"), { name: names[0] }, true); }
    else if (names.length <= 3) { el.typing.textContent = interpolate(gettext("%(names)s are typing…"), { names: listFormat(names) }, true); }
    else { el.typing.textContent = gettext("Several people are typing…"); }
  }

  // ---- Room state --------------------------------------------------------------------------------

  function applyRoom(room) {
    ["phase", "locked", "slow_mode_seconds", "opens_at", "closes_at"].forEach(function (key) {
      if (key in room) { state.room[key] = room[key]; }
    });
  }

  function applyTalkingPiece(piece) {
    state.piece = { circle: !!piece.circle, holder: piece.holder || null, queue: piece.queue || [] };
  }

  function mutedNow() {
    var s = state.sanction;
    return !!s && s.kind === "muted" && (!s.until || new Date(s.until).getTime() > Date.now());
  }

  function renderRoom() {
    var r = state.room;
    var p = state.piece;
    var parts = [];
    if (r.phase === "not_open") {
      parts.push(r.opens_at ? interpolate(gettext("The room opens at %(time)s."), { time: formatTime(r.opens_at) }, true)
        : gettext("The room opens shortly."));
    } else if (r.phase === "ended") {
      parts.push(gettext("The session has ended; the chat is read-only."));
    }
    if (r.locked) { parts.push(gettext("The room is locked: reading only.")); }
    if (r.slow_mode_seconds) {
      parts.push(interpolate(ngettext("Slow mode: one message every %(seconds)s second.",
        "Slow mode: one message every %(seconds)s seconds.", r.slow_mode_seconds), { seconds: r.slow_mode_seconds }, true));
    }
    if (p.circle) { parts.push(gettext("Circle mode: whoever holds the talking piece speaks.")); }
    if (mutedNow()) {
      var s = state.sanction;
      parts.push(s.until ? interpolate(gettext("You are muted until %(time)s."), { time: formatTime(s.until) }, true)
        : gettext("You are muted."));
      if (s.reason) { parts.push(interpolate(gettext("Reason: %(reason)s"), { reason: s.reason }, true)); }
    }
    el.roomState.textContent = parts.join(" ");
    el.lobby.hidden = r.phase !== "lobby";
    el.circle.hidden = !p.circle;
    el.holder.textContent = p.holder
      ? interpolate(isMe(p.holder) ? gettext("%(name)s (you) holds the talking piece.")
        : gettext("%(name)s holds the talking piece."), { name: personName(p.holder) }, true)
      : gettext("Nobody holds the talking piece.");
    el.queue.textContent = "";
    var handUp = false;
    p.queue.forEach(function (person) {
      var li = document.createElement("li");
      showName(li, person, isMe(person));
      if (isMe(person)) { handUp = true; }
      if (isModerator) {
        li.appendChild(document.createTextNode(" "));
        li.appendChild(button(gettext("Pass the piece"), "link-button", function () {
          sendFrame({ type: "mod.pass_turn", member_id: person.id });
        }, interpolate(gettext("Pass the talking piece to %(name)s"), { name: personName(person) }, true)));
      }
      el.queue.appendChild(li);
    });
    if (!p.queue.length) {
      var empty = document.createElement("li");
      empty.className = "muted chat-queue-empty";
      empty.textContent = gettext("No hands raised.");
      el.queue.appendChild(empty);
    }
    var holding = isMe(p.holder);
    el.hand.hidden = !p.circle || isModerator || holding;
    el.hand.textContent = handUp ? gettext("Lower my hand") : gettext("Raise my hand");
    el.hand.setAttribute("aria-pressed", handUp ? "true" : "false");
    el.release.hidden = !p.circle || !holding;
    if (isModerator) {
      el.modLock.textContent = r.locked ? gettext("Unlock the room") : gettext("Lock the room");
      el.modLock.setAttribute("aria-pressed", r.locked ? "true" : "false");
      var seconds = String(r.slow_mode_seconds || 0);
      if (!el.modSlow.querySelector("option[value='" + seconds + "']")) {
        var option = document.createElement("option");
        option.value = seconds;
        option.textContent = interpolate(ngettext("One message per %(seconds)s second", "One message per %(seconds)s seconds", Number(seconds)), { seconds: seconds }, true);
        el.modSlow.appendChild(option);
      }
      el.modSlow.value = seconds;
      el.modCircle.textContent = p.circle ? gettext("End circle mode") : gettext("Start circle mode");
      el.modCircle.setAttribute("aria-pressed", p.circle ? "true" : "false");
      el.modPass.hidden = !p.circle;
    }
    updateComposer();
  }

  // What stops this person posting right now, by condition; the server decides in the end.
  var BLOCKED_TEXT = {
    not_open: gettext("The room is not open for messages."),
    lobby: gettext("The room opens when a facilitator arrives."),
    locked: gettext("The room is locked."),
    muted: gettext("You are muted."),
    turn: gettext("Wait for the talking piece."),
  };
  // The server's refusal codes that stand for one of those conditions.
  var CONDITION_OF_CODE = { lobby: "lobby", room_locked: "locked", muted: "muted",
                            not_your_turn: "turn" };

  function conditionHolds(condition) {
    var r = state.room;
    if (condition === "not_open") { return r.phase === "not_open" || r.phase === "ended"; }
    if (isModerator) { return false; }
    if (condition === "lobby") { return r.phase === "lobby"; }
    if (condition === "locked") { return !!r.locked; }
    if (condition === "muted") { return mutedNow(); }
    if (condition === "turn") { return state.piece.circle && !isMe(state.piece.holder); }
    return false;
  }

  function blockedCondition() {
    var order = ["not_open", "lobby", "locked", "muted", "turn"];
    for (var i = 0; i < order.length; i += 1) {
      if (conditionHolds(order[i])) { return order[i]; }
    }
    return null;
  }

  /** Why this person cannot post right now ("" when they can). */
  function blockedReason() {
    var condition = blockedCondition();
    return condition ? BLOCKED_TEXT[condition] : "";
  }

  /** The error banner; with a `condition`, it goes away by itself once that stops holding
   * (the room opened, was unlocked, the mute ended, the piece came). */
  function setError(text, condition) {
    el.error.textContent = text;
    state.errorCondition = text ? (condition || null) : null;
  }

  function readOnly() { return state.room.phase === "ended"; }

  function updateComposer() {
    if (state.errorCondition && !conditionHolds(state.errorCondition)) { setError("", null); }
    var off = state.closedForGood || readOnly();
    el.input.disabled = off;
    el.send.disabled = off;
    var reason = state.closedForGood ? "" : blockedReason();
    el.send.setAttribute("aria-disabled", reason ? "true" : "false");
    el.send.title = reason;
  }

  function updateCounter() {
    var left = config.maxLength - el.input.value.trim().length;
    el.counter.textContent = left < 200 ? interpolate(ngettext("%(count)s character left", "%(count)s characters left", left), { count: left }, true) : "";
  }

  // ---- Sending ---------------------------------------------------------------------------------

  /** Asks the server whether the text deserves a gentle reminder; never waits long. */
  function precheck(body, done) {
    if (!isOpen() || isModerator) { return done(null); }
    var ref = uuid();
    var finished = false;
    var finish = function (nudge) {
      if (finished) { return; }
      finished = true;
      state.checks.delete(ref);
      done(nudge);
    };
    state.checks.set(ref, finish);
    sendFrame({ type: "check", body: body, ref: ref });
    window.setTimeout(function () { finish(null); }, CHECK_TIMEOUT_MS);
  }

  function resolveCheck(frame) {
    var callback = state.checks.get(frame.ref);
    if (callback) { callback(frame.nudge || null); }
  }

  function submit(skipNudge) {
    var body = el.input.value.trim();
    setError("", null);
    if (!body) { setError(gettext("Write a message first."), null); return; }
    if (body.length > config.maxLength) {
      setError(interpolate(gettext("Messages can be up to %(max)s characters (this one has %(count)s)."), { max: config.maxLength, count: body.length }, true), null);
      return;
    }
    var condition = blockedCondition();
    // Muted: the room state line already says so, until when and why; the text stays in the box.
    if (condition === "muted") { return; }
    if (condition) { setError(BLOCKED_TEXT[condition], condition); return; }
    if (skipNudge) { return send(body); }
    state.pendingBody = body;
    precheck(body, function (nudge) {
      if (state.pendingBody !== body) { return; }
      if (!nudge) { return send(body); }
      var text = nudge.detail || gettext("A gentle reminder of our ground rules.");
      if (nudge.rule && nudge.rule.text) {
        text = interpolate(gettext("%(reminder)s “%(rule)s”"), { reminder: text, rule: nudge.rule.text }, true);
      }
      el.nudgeText.textContent = text;
      el.nudge.hidden = false;
      el.nudgeSend.focus();
    });
  }

  function send(body) {
    state.pendingBody = null;
    el.nudge.hidden = true;
    el.input.value = "";
    updateCounter();
    queueMessage(body);
    el.input.focus();
  }

  el.form.addEventListener("submit", function (event) {
    event.preventDefault();
    submit(false);
  });
  el.input.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      submit(false);
    }
  });
  el.input.addEventListener("input", function () {
    updateCounter();
    if (!el.nudge.hidden) { el.nudge.hidden = true; state.pendingBody = null; }
    var now = Date.now();
    if (el.input.value.trim() && now - state.typingSentAt > TYPING_SEND_EVERY_MS) {
      if (sendFrame({ type: "typing" })) { state.typingSentAt = now; }
    }
  });
  el.nudgeSend.addEventListener("click", function () { submit(true); });
  el.nudgeEdit.addEventListener("click", function () {
    el.nudge.hidden = true;
    state.pendingBody = null;
    el.input.focus();
  });
  el.hand.addEventListener("click", function () {
    var up = el.hand.getAttribute("aria-pressed") === "true";
    sendFrame({ type: up ? "hand.lower" : "hand.raise" });
  });
  el.release.addEventListener("click", function () { sendFrame({ type: "turn.release" }); });

  // ---- Dialogs -----------------------------------------------------------------------------------

  function wireClose(dialog) {
    dialog.querySelectorAll("[data-close]").forEach(function (b) {
      b.addEventListener("click", function () { dialog.close("cancel"); });
    });
  }

  function openFlagDialog(messageId, li) {
    state.flagTarget = { id: messageId, li: li };
    el.flagForm.reset();
    el.flagError.textContent = "";
    el.flagQuote.textContent = li.querySelector(".chat-body").textContent;
    el.flagDialog.showModal();
  }

  wireClose(el.flagDialog);
  el.flagDialog.addEventListener("close", function () {
    if (state.flagTarget && state.flagTarget.li.isConnected) {
      var flag = state.flagTarget.li.querySelector(".chat-flag");
      if (!flag) { return; }
      // The close event comes a moment after the dialog shut: if the person has already moved
      // on (a Tab to the composer), the button becomes the list's stop without taking focus back.
      var active = document.activeElement;
      var movedOn = active && active !== document.body && active !== flag &&
        !el.flagDialog.contains(active);
      if (movedOn) { roved = flag; keepOneActionStop(); } else { roveTo(flag); }
    }
  });
  el.flagForm.addEventListener("submit", function (event) {
    event.preventDefault();
    var chosen = el.flagForm.querySelector("input[name=rule]:checked");
    var reason = el.flagReason.value.trim();
    if (!chosen) { el.flagError.textContent = gettext("Choose the ground rule, or “Something else”."); return; }
    if (chosen.value === "other" && !reason) {
      el.flagError.textContent = gettext("Tell the facilitators what happened.");
      el.flagReason.focus();
      return;
    }
    var frame = { type: "flag", message_id: state.flagTarget.id, reason: reason,
                  rule: chosen.value === "other" ? "other" : Number(chosen.value) };
    if (!sendFrame(frame)) { el.flagError.textContent = gettext("Not connected. Try again in a moment."); return; }
    el.flagDialog.close("sent");
  });

  function openModDialog(action) {
    state.modAction = action;
    el.modForm.reset();
    el.modError.textContent = "";
    el.modSubject.textContent = action.subject;
    el.modMinutesField.hidden = action.type !== "mod.mute";
    el.modScopeField.hidden = action.type !== "mod.remove";
    el.modDialog.showModal();
  }

  if (isModerator) {
    wireClose(el.modDialog);
    el.modForm.addEventListener("submit", function (event) {
      event.preventDefault();
      var action = state.modAction;
      var reason = el.modReason.value.trim();
      var frame = { type: action.type, reason: reason };
      if (action.message_id) { frame.message_id = action.message_id; }
      if (action.member_id) { frame.member_id = action.member_id; }
      if (action.type === "mod.mute") {
        var minutes = Number(el.modMinutes.value);
        if (!Number.isInteger(minutes) || minutes < 1 || minutes > 1440) {
          el.modError.textContent = gettext("Minutes must be a whole number from 1 to 1440.");
          el.modMinutes.focus();
          return;
        }
        frame.minutes = minutes;
      }
      if (action.type === "mod.remove") {
        var scope = el.modForm.querySelector("input[name=scope]:checked");
        if (scope && scope.value === "group") { frame.type = "mod.ban"; }
      }
      if (!reason) {
        el.modError.textContent = gettext("Give a reason: the person concerned will see it.");
        el.modReason.focus();
        return;
      }
      if (!sendFrame(frame)) { el.modError.textContent = gettext("Not connected. Try again in a moment."); return; }
      el.modDialog.close("sent");
    });
    el.modLock.addEventListener("click", function () {
      sendFrame(state.room.locked ? { type: "mod.unlock" } : { type: "mod.lock", reason: gettext("Locked by the facilitator.") });
    });
    el.modSlow.addEventListener("change", function () {
      sendFrame({ type: "mod.slow_mode", seconds: Number(el.modSlow.value) });
    });
    el.modCircle.addEventListener("click", function () {
      sendFrame({ type: "mod.circle", enabled: !state.piece.circle });
    });
    el.modPass.addEventListener("click", function () {
      sendFrame({ type: "mod.pass_turn", member_id: null });
    });
  }

  // ---- Start ----------------------------------------------------------------------------------------

  // ...and send their own frames through this socket (false when not connected).
  root.addEventListener("chat:send", function (event) {
    event.detail.sent = sendFrame(event.detail.frame);
  });
  window.addEventListener("online", reconnectNow);
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible") { reconnectNow(); }
  });

  // A read-only handle for tests and for debugging a user's screen; it exposes nothing the
  // page's own script could not reach.
  window.__chat = {
    get socket() { return state.socket; },
    get lastId() { return state.lastId; },
    get outboxSize() { return state.outbox.size; },
    get connected() { return isOpen() && !state.resync; },
  };
  // For page add-ons: send one frame on this room's socket (false when it is not open).
  window.chatSend = sendFrame;

  renderRoom();
  loadOutbox();
  setConnection("connecting", gettext("Connecting…"));
  connect();
})();
