/* Watch the page's kernel: every 10 s, when the page comes back to the screen (a phone woken
   up) and after each click or typed answer. */
(function () {
  // French typography: a narrow no-break space (\u202f) before « : » and « ; ».
  var GONE = "Cette page n'est plus reliée au serveur\u202f: ce que vous faites maintenant ne sera pas "
    + "enregistré. Rechargez la page\u202f; vos réponses déjà enregistrées réapparaîtront.";
  var OFFLINE = "Connexion à la salle perdue\u202f: vos réponses ne sont pas enregistrées en ce moment. "
    + "Vérifiez le Wi-Fi\u202f; ce message disparaît quand la connexion revient.";
  var config = JSON.parse(document.getElementById("jupyter-config-data").textContent);
  // no_track_activity: this check is not the participant's activity (an open page must not
  // keep an idle server from being culled after an hour, docs/room-guide.md).
  var kernelUrl = config.baseUrl + "api/kernels/" + config.kernelId + "?no_track_activity=1";
  var banner = document.querySelector(".pk-connexion");
  var message = banner.querySelector(".pk-connexion-message");
  var gone = false;
  var pending = null;
  banner.querySelector("button").addEventListener("click", function () { window.location.reload(); });
  function show(text) {
    if (message.textContent !== text) { message.textContent = text; }
    banner.hidden = false;
  }
  // JupyterHub accepts a cookie on a script's request only with the XSRF token beside it (its
  // protection against other sites' scripts); without it the answer is 403, read as « gone ».
  function xsrfToken() {
    var cookie = document.cookie.match("\\b_xsrf=([^;]*)\\b");
    return cookie ? cookie[1] : "";
  }
  function check() {
    if (gone) { return; }
    // "manual": a server that stopped is redirected by the hub to another page, which is an answer too.
    fetch(kernelUrl, { credentials: "same-origin", cache: "no-store", redirect: "manual",
                       headers: { "X-XSRFToken": xsrfToken() } })
      .then(function (response) {
        if (response.ok) { banner.hidden = true; return; }
        if (response.status === 404 || response.status === 401 || response.status === 403
            || response.type === "opaqueredirect") {
          gone = true;
          show(GONE);
          return;
        }
        show(OFFLINE);
      })
      .catch(function () { show(OFFLINE); });
  }
  function soon() {
    if (pending === null) { pending = setTimeout(function () { pending = null; check(); }, 300); }
  }
  setInterval(check, 10000);
  document.addEventListener("visibilitychange", function () { if (!document.hidden) { check(); } });
  window.addEventListener("online", check);
  window.addEventListener("offline", function () { show(OFFLINE); });
  document.addEventListener("click", soon, true);
  document.addEventListener("change", soon, true);
})();
