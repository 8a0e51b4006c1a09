/* A page that stops getting ready says so, and tries once more by itself.

   Voilà prepares the page on the server, cell by cell, and the page shows « Préparation de votre
   page… (3 sur 9) ». If its kernel never starts or stops answering (a loaded room, a kernel that
   died at start), Voilà would wait a minute and more with nothing said. Here: 15 s without any
   progress → a French message and one automatic reload; if the new page stalls too, a message
   asks the participant to call the trainer (their saved answers are safe: they are on disk). */
(function () {
  var STALL_MS = 15000;
  var key = "parler-kit-nouvel-essai:" + location.pathname;
  var last = Date.now();
  var done = false;
  window.pkPageProgress = function () { last = Date.now(); };
  window.pkPageReady = function () {
    done = true;
    try { sessionStorage.removeItem(key); } catch (e) { /* private browsing: nothing kept */ }
  };
  function say(text) {
    var label = document.getElementById("loading_text");
    if (label) { label.textContent = text; label.classList.add("pk-fr"); label.setAttribute("role", "alert"); }
  }
  var watch = setInterval(function () {
    if (done || Date.now() - last < STALL_MS) { return; }
    clearInterval(watch);
    var retried = false;
    try { retried = sessionStorage.getItem(key) === "1"; } catch (e) { retried = true; }
    if (retried) {
      say("Votre page ne se prépare pas. Prévenez la formatrice ou le formateur\u202f; "
        + "vos réponses déjà enregistrées sont conservées.");
      return;
    }
    try { sessionStorage.setItem(key, "1"); } catch (e) { /* no retry without memory */ }
    say("La préparation de votre page prend plus de temps que prévu\u202f: nouvel essai…");
    setTimeout(function () { location.reload(); }, 1500);
  }, 1000);
})();
