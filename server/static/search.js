// The search box on every page: asks /api/search as people type and lists what it finds.
(function () {
  "use strict";
  var box = document.getElementById("search-box");
  var list = document.getElementById("search-results");
  if (!box || !list) { return; }
  var timer = null, asked = 0;

  function pageOf(iri) {
    var base = document.documentElement.getAttribute("data-base") || "";
    return base && iri.indexOf(base) === 0 ? "/id/" + iri.slice(base.length).replace(/#/g, "%23") : iri;
  }

  function rowsOf(answer) {
    if (Array.isArray(answer)) { return answer; }
    return answer.results || answer.items || answer.rows || [];
  }

  function labelOf(item, lang) {
    var label = item.label;
    if (label && typeof label === "object") { label = label[lang] || label.en || label.az; }
    var text = label || item["label_" + lang] || item.matched || item.iri;
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
      var iri = item.iri || item.thing || item.id || "";
      link.href = pageOf(iri);
      link.textContent = labelOf(item, box.dataset.lang);
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
    fetch(box.dataset.api + "?q=" + encodeURIComponent(term) + "&lang=" + box.dataset.lang,
          { headers: { "Accept": "application/json" } })
      .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
      .then(function (answer) {
        if (mine !== asked) { return; }
        var items = rowsOf(answer).slice(0, 20);
        show(items, items.length ? "" : box.dataset.none);
      })
      .catch(function () { if (mine === asked) { show([], box.dataset.failed); } });
  }

  box.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(search, 250); });
  box.addEventListener("keydown", function (event) { if (event.key === "Escape") { list.hidden = true; } });
}());
