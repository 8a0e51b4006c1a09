// The live class view: follow the server's stream, send the trainer's choices. No library.
(function () {
  "use strict";
  var body = document.body;
  var main = document.getElementById("live");
  var token = (document.querySelector('meta[name="xsrf"]') || {}).content || "";
  var updates = 0;

  function setFlags(data) {
    document.querySelectorAll("button[data-flag]").forEach(function (button) {
      var on = !!data[button.dataset.flag];
      button.setAttribute("aria-pressed", on ? "true" : "false");
      button.textContent = on ? button.dataset.on : button.dataset.off;
    });
    body.classList.toggle("frozen", !!data.frozen);
  }

  function post(action, card) {
    var form = new URLSearchParams({ action: action, card: card || "" });
    return fetch(body.dataset.action, {
      method: "POST",
      credentials: "same-origin",
      headers: { "X-XSRFToken": token },
      body: form,
    });
  }

  if (body.dataset.stream) {
    // The token goes in the address: EventSource cannot send headers, and the hub's cookie
    // login asks for it on every request that is not a page navigation.
    var stream = body.dataset.stream;
    stream += (stream.indexOf("?") < 0 ? "?" : "&") + "_xsrf=" + encodeURIComponent(token);
    var source = new EventSource(stream);
    source.onmessage = function (event) {
      var data = JSON.parse(event.data);
      var focused = document.activeElement && document.activeElement.id;
      main.innerHTML = data.html;
      if (focused) {
        var again = document.getElementById(focused);
        if (again) again.focus();
      }
      setFlags(data);
      updates += 1;
      body.dataset.updates = String(updates);
    };
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("button");
    if (!button) return;
    if (button.dataset.confirm && !window.confirm(button.dataset.confirm)) return;
    if (button.dataset.action) post(button.dataset.action);
    if (button.dataset.card) post("card", button.dataset.card);
  });
})();
