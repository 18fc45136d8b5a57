// The search box on every page: asks /api/search as people type and lists what it finds, each with its
// kind. ArrowDown/ArrowUp move through the list, Enter opens the chosen one; Enter in the box itself opens
// the whole list (/search?q=, the form's own submission); Escape closes the list.
(function () {
  "use strict";
  var box = document.getElementById("search-box");
  var list = document.getElementById("search-results");
  if (!box || !list) { return; }
  var kinds = JSON.parse(box.dataset.kinds || "{}");
  var timer = null, asked = 0;

  function pageOf(iri) {
    var base = document.documentElement.getAttribute("data-base") || "";
    return base && iri.indexOf(base) === 0 ? "/id/" + iri.slice(base.length).replace(/#/g, "%23") : iri;
  }

  function labelOf(item, lang) {
    var label = item.label && (item.label[lang] || item.label.en || item.label.az);
    var text = label || item.matched || item.iri;
    return item.notation && text.indexOf(item.notation) < 0 ? item.notation + " " + text : text;
  }

  function show(items, message) {
    list.innerHTML = "";
    if (message) {
      var note = document.createElement("li");
      note.textContent = message;
      list.appendChild(note);
    }
    items.forEach(function (item) {
      var entry = document.createElement("li"), link = document.createElement("a");
      var kind = document.createElement("span");
      kind.className = "kind";
      kind.textContent = kinds[item.type] || item.type;
      link.href = pageOf(item.iri);
      link.textContent = labelOf(item, box.dataset.lang);
      entry.dataset.kind = item.type;
      entry.appendChild(kind);
      entry.appendChild(link);
      if (item.matched && item.matched !== link.textContent) {
        var small = document.createElement("small");
        small.textContent = item.matched;
        entry.appendChild(small);
      }
      list.appendChild(entry);
    });
    list.hidden = false;
  }

  function search() {
    var term = box.value.trim();
    if (term.length < 2) { list.hidden = true; return; }
    var mine = ++asked;
    fetch(box.dataset.api + "?q=" + encodeURIComponent(term), { headers: { "Accept": "application/json" } })
      .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
      .then(function (answer) {
        if (mine !== asked) { return; }
        show(answer.results, answer.results.length ? "" : box.dataset.none);
      })
      .catch(function () { if (mine === asked) { show([], box.dataset.failed); } });
  }

  function move(step) {
    var links = Array.prototype.slice.call(list.querySelectorAll("a"));
    if (list.hidden || !links.length) { return; }
    var at = links.indexOf(document.activeElement) + step;
    if (at < 0) { box.focus(); return; }
    links[Math.min(at, links.length - 1)].focus();
  }

  function keys(event) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      move(event.key === "ArrowDown" ? 1 : -1);
    } else if (event.key === "Escape") {
      list.hidden = true;
      box.focus();
    }
  }

  box.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(search, 250); });
  box.addEventListener("keydown", keys);
  list.addEventListener("keydown", keys);
}());
