(function () {
  "use strict";
  var config = /*CONFIGURATION*/null;
  var origin = (document.currentScript && new URL(document.currentScript.src, location.href).origin) || "";
  var banner = null;

  function readChoice() {
    var parts = document.cookie ? document.cookie.split("; ") : [];
    for (var i = 0; i < parts.length; i++) {
      var pair = parts[i].split("=");
      if (pair[0] !== config.cookieName) continue;
      var fields = decodeURIComponent(pair.slice(1).join("=")).split(".");
      if (fields.length !== 3 || fields[0] !== config.fingerprint) return null;
      return { visitor: fields[1], accepted: fields[2] === "-" ? [] : fields[2].split("+") };
    }
    return null;
  }

  function newVisitor() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    bytes[6] = (bytes[6] & 15) | 64;
    bytes[8] = (bytes[8] & 63) | 128;
    var hex = Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join("");
    return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join("-");
  }

  function activate(accepted) {
    var gated = document.querySelectorAll('script[type="text/plain"][data-custos-category]');
    for (var i = 0; i < gated.length; i++) {
      var original = gated[i];
      if (original.hasAttribute("data-custos-ran")) continue;
      if (accepted.indexOf(original.getAttribute("data-custos-category")) < 0) continue;
      var script = document.createElement("script");
      if (original.src) script.src = original.src; else script.text = original.text;
      original.setAttribute("data-custos-ran", "");
      original.parentNode.insertBefore(script, original.nextSibling);
    }
  }

  function removeDeclined(accepted) {
    config.categories.forEach(function (category) {
      if (accepted.indexOf(category.id) >= 0) return;
      category.cookies.forEach(function (cookie) {
        var host = location.hostname.split(".");
        for (var i = 0; i < host.length; i++) {
          var domain = host.slice(i).join(".");
          document.cookie = cookie.name + "=; Max-Age=0; path=/; domain=" + domain;
        }
        document.cookie = cookie.name + "=; Max-Age=0; path=/";
      });
    });
  }

  function save(accepted) {
    var previous = readChoice();
    var visitor = previous ? previous.visitor : newVisitor();
    var value = [config.fingerprint, visitor, accepted.length ? accepted.join("+") : "-"].join(".");
    document.cookie = config.cookieName + "=" + encodeURIComponent(value) + "; Max-Age=15552000; path=/; SameSite=Lax" +
      (location.protocol === "https:" ? "; Secure" : "");
    try {
      fetch(origin + config.endpoint, {
        method: "POST", mode: "cors", credentials: "omit", keepalive: true,
        headers: { "Content-Type": "text/plain" },
        body: JSON.stringify({ visitor: visitor, accepted: accepted, registerFingerprint: config.fingerprint })
      });
    } catch (e) { /* the choice still holds in the browser */ }
    removeDeclined(accepted);
    activate(accepted);
    close();
  }

  function close() {
    if (banner) { banner.parentNode.removeChild(banner); banner = null; }
  }

  function element(tag, attributes, text) {
    var node = document.createElement(tag);
    for (var key in attributes) node.setAttribute(key, attributes[key]);
    if (text) node.textContent = text;
    return node;
  }

  function open() {
    close();
    var choice = readChoice();
    banner = element("section", { "class": "custos-cookies", "aria-labelledby": "custos-cookies-title" });
    var title = element("h2", { id: "custos-cookies-title", tabindex: "-1" }, "Cookies on " + config.organisation + "'s website");
    banner.appendChild(title);
    banner.appendChild(element("p", {}, "We use cookies that the site needs to work. We would also like to set the cookies below, only if you agree. You can change your mind at any time."));
    var boxes = [];
    config.categories.forEach(function (category) {
      var row = element("div", { "class": "custos-cookies-category" });
      var box = element("input", { type: "checkbox", id: "custos-cookie-" + category.id, value: category.id });
      if (choice && choice.accepted.indexOf(category.id) >= 0) box.checked = true;
      boxes.push(box);
      row.appendChild(box);
      row.appendChild(element("label", { "for": box.id }, category.title));
      var names = category.cookies.map(function (c) { return c.name + (c.provider ? " (" + c.provider + ")" : "") + ": " + c.purpose; });
      row.appendChild(element("p", { "class": "custos-cookies-detail" }, names.join(" ")));
      banner.appendChild(row);
    });
    var actions = element("div", { "class": "custos-cookies-actions" });
    var all = config.categories.map(function (c) { return c.id; });
    [["accept", "Accept all cookies", function () { save(all); }],
     ["reject", "Reject cookies we do not need", function () { save([]); }],
     ["save", "Save my choices", function () { save(boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; })); }]
    ].forEach(function (action) {
      var button = element("button", { type: "button", "data-action": action[0] }, action[1]);
      button.addEventListener("click", action[2]);
      actions.appendChild(button);
    });
    banner.appendChild(actions);
    var more = element("a", { href: origin + config.cookiesPage }, "How we use cookies");
    banner.appendChild(element("p", {})).appendChild(more);
    document.body.insertBefore(banner, document.body.firstChild);
    title.focus();
  }

  function style() {
    document.head.appendChild(element("link", { rel: "stylesheet", href: origin + "/assets/cookies.css" }));
  }

  function start() {
    var settings = document.querySelectorAll("[data-custos-cookie-settings]");
    for (var i = 0; i < settings.length; i++) settings[i].addEventListener("click", open);
    window.CustosCookies = { open: open, choice: readChoice };
    if (!config.categories.length) return;
    style();
    var choice = readChoice();
    if (choice) activate(choice.accepted); else open();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
