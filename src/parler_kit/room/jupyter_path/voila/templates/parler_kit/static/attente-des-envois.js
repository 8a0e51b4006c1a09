/* A press never overtakes a choice. The widgets' front end sends one update per widget at a
   time and holds the next until the kernel has handled the previous one, but sends a button's
   press at once: on a slow kernel « a, then b, then Valider » validated « a ». Here a press
   waits, at the kernel's websocket, until every update sent before it has been handled (and
   any held update has gone out), 5 s at most. tests/browser/test_slow_kernel.py. */
(function () {
  var Native = window.WebSocket;
  var V1 = "v1.kernel.websocket.jupyter.org";
  var HOLD_LIMIT_MS = 5000;
  var decoder = new TextDecoder("utf-8");
  // A message's type first; its content only when wanted (`wants`): the page's largest
  // messages (every widget's state at load) are never read in full here.
  function decode(data, protocol, wants) {
    try {
      if (typeof data === "string") {
        var shown = data.slice(0, 400);
        if (!wants.some(function (type) { return shown.indexOf('"' + type + '"') !== -1; })) { return null; }
        return JSON.parse(data);
      }
      if (protocol !== V1 || !(data instanceof ArrayBuffer)) { return null; }
      var view = new DataView(data);
      var count = Number(view.getBigUint64(0, true));
      var offsets = [];
      for (var i = 0; i < count; i++) { offsets.push(Number(view.getBigUint64(8 * (i + 1), true))); }
      function part(k) { return JSON.parse(decoder.decode(data.slice(offsets[k], offsets[k + 1]))); }
      var header = part(1);
      if (wants.indexOf(header.msg_type) === -1) { return null; }
      return { header: header, parent_header: part(2), content: part(4) };
    } catch (error) { return null; }  // not a message this guard needs to read
  }
  function Guarded(url, protocols) {
    var socket = protocols === undefined ? new Native(url) : new Native(url, protocols);
    if (String(url).indexOf("/channels") === -1) { return socket; }
    var pending = new Set();
    var held = [];
    var heldSince = 0;
    var lastIdle = 0;
    var send = socket.send.bind(socket);
    function release() {
      if (!held.length) { return; }
      // 50 ms after the last « idle »: the update it frees is sent by then (same message).
      var waiting = pending.size || Date.now() - lastIdle < 50;
      if (waiting && Date.now() - heldSince < HOLD_LIMIT_MS) {
        setTimeout(release, 100);
        return;
      }
      var queue = held;
      held = [];
      queue.forEach(function (data) { send(data); });
    }
    socket.send = function (data) {
      var message = decode(data, socket.protocol, ["comm_msg"]);
      var method = message && message.header && message.header.msg_type === "comm_msg"
        && message.content && message.content.data && message.content.data.method;
      if (method === "update") { pending.add(message.header.msg_id); }
      if (method === "custom" && (pending.size || held.length)) {
        if (!held.length) { heldSince = Date.now(); }
        held.push(data);
        setTimeout(release, 100);
        return;
      }
      send(data);
    };
    socket.addEventListener("message", function (event) {
      var message = decode(event.data, socket.protocol, ["status"]);
      if (message && message.header && message.header.msg_type === "status"
          && message.content.execution_state === "idle" && message.parent_header) {
        if (pending.delete(message.parent_header.msg_id)) { lastIdle = Date.now(); }
      }
    });
    return socket;
  }
  Guarded.prototype = Native.prototype;
  ["CONNECTING", "OPEN", "CLOSING", "CLOSED"].forEach(function (name) { Guarded[name] = Native[name]; });
  window.WebSocket = Guarded;
})();
