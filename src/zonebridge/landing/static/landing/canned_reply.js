// Canned replies: "Insert" adds the chosen template's text after what was typed, without reloading the page (so a
// file already chosen stays chosen). Without this file the button posts the form and the page comes back with the
// same text in the reply box, so nothing depends on it.
(function () {
  "use strict";

  function enhance() {
    var data = document.getElementById("canned-reply-texts");
    var button = document.querySelector("button[name='insert_reply']");
    var select = document.getElementById("id_canned_reply");
    var body = document.getElementById("id_body");
    if (!data || !button || !select || !body) { return; }
    var texts = JSON.parse(data.textContent);
    button.addEventListener("click", function (event) {
      var text = texts[select.value];
      if (text === undefined) { return; } // nothing chosen: the server says so next to the list
      event.preventDefault();
      var typed = body.value.replace(/\s+$/, "");
      body.value = typed ? typed + "\n\n" + text : text;
      body.focus();
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", enhance);
  } else {
    enhance();
  }
}());
