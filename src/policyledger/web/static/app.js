/* policyledger: the little script the pages use. Everything works without it (figures then
   show their details as the browser's tooltip); it adds upload progress and drag-and-drop,
   figure cards on hover/focus/click, and copying permalinks.
   Text from reports is only ever placed with textContent, never as HTML. */
(function () {
  "use strict";

  function $(selector, root) { return (root || document).querySelector(selector); }

  /* --- figures: the card is built from the button's data-* on first hover, focus or click;
     click or Enter keeps it open, Escape or a click elsewhere closes it --- */
  var FIELDS = ["text", "value", "unit", "base", "period", "kind", "qualifier", "subject", "line"];
  var cardCount = 0;
  function cardFor(button) {
    var card = button.nextElementSibling;
    if (card && card.classList.contains("fig-card")) return card;
    var labels = document.getElementById("card-labels");
    card = document.createElement("span");
    card.className = "fig-card";
    card.id = "fig-card-" + (++cardCount);
    card.setAttribute("role", "tooltip");
    FIELDS.forEach(function (field) {
      var value = field === "text" ? button.textContent : button.dataset[field];
      if (!value) return;
      var row = document.createElement("span");
      row.className = "row";
      var key = document.createElement("span");
      key.className = "k";
      key.textContent = labels ? labels.dataset[field] : field;
      var val = document.createElement("span");
      val.className = "v";
      val.textContent = value;
      row.append(key, val);
      card.append(row);
    });
    button.after(card);
    button.setAttribute("aria-describedby", card.id);
    button.setAttribute("aria-controls", card.id);
    button.removeAttribute("title");  /* the card replaces the browser's tooltip */
    return card;
  }
  ["mouseover", "focusin"].forEach(function (name) {
    document.addEventListener(name, function (event) {
      var button = event.target.closest ? event.target.closest(".fig") : null;
      if (button) cardFor(button);
    });
  });
  function closeCards(except) {
    document.querySelectorAll(".fig-wrap.open").forEach(function (wrap) {
      if (wrap !== except) {
        wrap.classList.remove("open");
        wrap.querySelector(".fig").setAttribute("aria-expanded", "false");
      }
    });
  }
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest(".fig") : null;
    if (!button) { if (!event.target.closest || !event.target.closest(".fig-card")) closeCards(null); return; }
    cardFor(button);
    var wrap = button.parentElement;
    var open = !wrap.classList.contains("open");
    closeCards(wrap);
    wrap.classList.toggle("open", open);
    button.setAttribute("aria-expanded", open ? "true" : "false");
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    closeCards(null);
    var wrap = document.activeElement && document.activeElement.closest ? document.activeElement.closest(".fig-wrap") : null;
    document.querySelectorAll(".fig-wrap:hover").forEach(function (hovered) { hovered.classList.add("dismissed"); });
    if (wrap) wrap.classList.add("dismissed");  /* hover and keyboard focus show it again next time */
  });
  ["focusout", "mouseout"].forEach(function (name) {
    document.addEventListener(name, function (event) {
      var wrap = event.target.closest ? event.target.closest(".fig-wrap") : null;
      if (!wrap || wrap.contains(event.relatedTarget)) return;
      if (event.type === "focusout" || !wrap.contains(document.activeElement)) wrap.classList.remove("dismissed");
    });
  });

  /* --- on a phone the outline starts folded, so the text comes first --- */
  var outlineBox = document.querySelector(".outline-box");
  if (outlineBox && window.matchMedia("(max-width: 800px)").matches) outlineBox.open = false;

  /* --- the reader: the outline follows the item in the address (#n30): its branch opens, it is marked --- */
  function followHash() {
    if (!location.hash || !document.querySelector("nav.outline")) return;
    var link = document.querySelector('nav.outline a[href="' + CSS.escape(location.hash) + '"]');
    if (!link) return;
    document.querySelectorAll("nav.outline a[aria-current]").forEach(function (other) { other.removeAttribute("aria-current"); });
    link.setAttribute("aria-current", "location");
    for (var node = link.parentElement; node && !node.matches("nav.outline"); node = node.parentElement) {
      if (node.tagName === "DETAILS") node.open = true;
    }
    var nav = link.closest("nav.outline");
    if (nav.scrollHeight > nav.clientHeight) nav.scrollTop = link.offsetTop - nav.offsetTop - nav.clientHeight / 3;
  }
  window.addEventListener("hashchange", followHash);
  followHash();

  /* --- permalinks: show the absolute URL and copy it --- */
  document.querySelectorAll("input[data-absolute]").forEach(function (input) {
    input.value = new URL(input.value, window.location.href).href;
    input.addEventListener("focus", function () { input.select(); });
  });
  document.querySelectorAll(".copy-link").forEach(function (button) {
    button.addEventListener("click", function () {
      var input = document.getElementById(button.dataset.target);
      input.select();
      var done = function () { button.textContent = button.dataset.done; };
      if (navigator.clipboard && window.isSecureContext) { navigator.clipboard.writeText(input.value).then(done, done); }
      else { try { document.execCommand("copy"); } catch (e) { /* selection is left for Ctrl+C */ } done(); }
    });
  });

  /* --- delete: ask first, and send the token typed in the upload form --- */
  document.querySelectorAll(".delete-form").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (!window.confirm(form.dataset.confirm)) { event.preventDefault(); return; }
      var token = $("#token-input");
      var copy = form.querySelector(".token-copy");
      if (token && copy) copy.value = token.value;
    });
  });

  /* --- upload: progress while sending, then while ingesting; messages from the server --- */
  var form = $("#upload-form");
  if (!form) return;
  var input = $("#file-input", form);
  var zone = $("#dropzone", form);
  var bar = $("#upload-progress", form);
  var status = $("#upload-status", form);
  var button = $("#upload-button", form);
  var msg = form.dataset;

  function say(text, kind, link) {
    status.textContent = text;
    status.className = "message" + (kind ? " " + kind : "");
    if (link) {
      var a = document.createElement("a");
      a.href = link.href;
      a.textContent = link.text;
      status.append(" ", a);
    }
  }

  function send(file) {
    if (!file) { say(msg.msgChoose, "error"); return; }
    if (file.size > Number(msg.limit)) { say(msg.msgTooLarge + ": " + file.name + " (" + (file.size / 1e6).toFixed(1) + " MB > " + msg.limitMb + " MB)", "error"); return; }
    var data = new FormData();
    data.append("file", file, file.name);
    var xhr = new XMLHttpRequest();
    xhr.open("POST", form.action);
    xhr.setRequestHeader("Accept", "application/json");
    xhr.setRequestHeader("X-Requested-With", "XMLHttpRequest");
    var token = $("#token-input", form);
    if (token && token.value) xhr.setRequestHeader("X-PolicyLedger-Token", token.value);
    bar.hidden = false;
    bar.value = 0;
    button.disabled = true;
    form.setAttribute("aria-busy", "true");
    say(msg.msgUploading + " " + file.name);
    xhr.upload.addEventListener("progress", function (event) { if (event.lengthComputable) bar.value = event.loaded / event.total; });
    xhr.upload.addEventListener("load", function () { bar.removeAttribute("value"); say(msg.msgProcessing + " " + file.name); });
    xhr.addEventListener("load", function () {
      var body = {};
      try { body = JSON.parse(xhr.responseText); } catch (e) { body = { detail: xhr.statusText }; }
      finish();
      if (xhr.status >= 200 && xhr.status < 300) {
        say((body.created ? msg.msgCreated : msg.msgExists) + ": " + body.source_name + " (" + body.id + ")", "ok", { href: body.url, text: msg.msgOpen });
        window.setTimeout(function () { window.location.href = body.url; }, 600);
      } else {
        say(msg.msgRefused + " (" + xhr.status + "): " + (body.detail || xhr.statusText), "error");
      }
    });
    xhr.addEventListener("error", function () { finish(); say(msg.msgRefused + ": network error", "error"); });
    xhr.send(data);
  }

  function finish() { bar.hidden = true; button.disabled = false; form.removeAttribute("aria-busy"); }

  form.addEventListener("submit", function (event) { event.preventDefault(); send(input.files[0]); });
  ["dragenter", "dragover"].forEach(function (name) {
    zone.addEventListener(name, function (event) { event.preventDefault(); zone.classList.add("dragging"); });
  });
  ["dragleave", "drop"].forEach(function (name) {
    zone.addEventListener(name, function () { zone.classList.remove("dragging"); });
  });
  zone.addEventListener("drop", function (event) {
    event.preventDefault();
    var file = event.dataTransfer && event.dataTransfer.files[0];
    if (file) { try { input.files = event.dataTransfer.files; } catch (e) { /* older browsers */ } send(file); }
  });
})();
