// The query editor: YASGUI on our own endpoint, with the saved queries to pick from.
(function () {
  "use strict";
  var holder = document.getElementById("yasgui");
  var saved = JSON.parse(document.getElementById("saved-queries").textContent);
  var endpoint = holder.dataset.endpoint;
  var byName = {};
  saved.forEach(function (example) { byName[example.name] = example; });

  // Only completers that need no other site: the class and property completers ask lov.linkeddata.es.
  Yasgui.Yasqe.defaults.autocompleters = ["prefixes", "variables"];
  var yasgui = new Yasgui(holder, {
    requestConfig: { endpoint: endpoint, method: "POST" },
    copyEndpointOnNewTab: true,
    populateFromUrl: false,
    persistenceId: null,
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; }, keys: [] }
  });

  function load(name) {
    var example = byName[name];
    if (!example) { return; }
    var tab = yasgui.getTab();
    tab.setQuery(example.text);
    tab.setName(name);
  }

  var picker = document.getElementById("saved-query");
  document.getElementById("load-query").addEventListener("click", function () { load(picker.value); });
  var asked = new URLSearchParams(window.location.search).get("saved");
  if (asked && byName[asked]) { picker.value = asked; }
  load(picker.value);
  window.atkgYasgui = yasgui;  // for the browser tests
}());
