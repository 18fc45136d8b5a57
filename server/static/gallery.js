// The gallery's filter box: keeps the saved queries whose summary, name or topics hold every word typed,
// and the questions that still have one. Without JavaScript the box stays hidden and every query shows.
(function () {
  "use strict";
  var box = document.getElementById("query-filter");
  var none = document.getElementById("query-filter-none");
  document.getElementById("query-filter-box").hidden = false;

  function fold(text) {
    // Case and accents aside (İ/ı, ə and the other letters keep their base letter), as people type.
    return text.toLocaleLowerCase("az").normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  function filter() {
    var words = fold(box.value).split(/\s+/).filter(Boolean);
    var shown = 0;
    document.querySelectorAll("#query-list section.question").forEach(function (section) {
      var left = 0;
      section.querySelectorAll("li[data-query]").forEach(function (card) {
        var text = fold(card.textContent);
        var keep = words.every(function (word) { return text.indexOf(word) !== -1; });
        card.hidden = !keep;
        left += keep ? 1 : 0;
      });
      section.hidden = left === 0;
      shown += left;
    });
    none.textContent = shown === 0 ? box.dataset.none : "";
  }

  box.addEventListener("input", filter);
}());
