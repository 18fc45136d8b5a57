// A "Chart" view for YASGUI's results, drawn by the vendored Chart.js. YASGUI's own chart plugin draws with
// Google Charts, loaded from Google at run time, which these pages never ask (they work offline).
// It draws the answer's first numeric column as bars, each labelled by the row's names; rows whose names
// repeat get the next column's value added to their label, so no bar stands for one thing twice.
(function () {
  "use strict";
  var XSD = "http://www.w3.org/2001/XMLSchema#";
  var NUMERIC = ["integer", "decimal", "double", "float", "int", "long", "nonNegativeInteger", "positiveInteger"];
  var MAX_BARS = 60;

  function isNumber(cell) {
    return !!cell && cell.type !== "uri" && !!cell.datatype &&
      NUMERIC.indexOf(cell.datatype.replace(XSD, "")) !== -1 && !isNaN(Number(cell.value));
  }

  function text(cell) {
    if (!cell) { return ""; }
    return cell.type === "uri" ? decodeURIComponent(cell.value.replace(/[/#]+$/, "").split(/[/#]/).pop()) : cell.value;
  }

  // The column to draw (every bound cell a number) and the columns that name a row, names first.
  function shape(variables, rows) {
    var numeric = variables.filter(function (name) {
      var cells = rows.map(function (row) { return row[name]; }).filter(Boolean);
      return cells.length > 0 && cells.every(isNumber);
    });
    if (!numeric.length || !rows.length) { return null; }
    var naming = variables.filter(function (name) { return numeric.indexOf(name) === -1; });
    naming.sort(function (a, b) { return rank(a) - rank(b); });
    return { value: numeric[0], naming: naming };
  }

  // Names in the page's language first, then other names, dates, anything else, the other language last.
  function rank(name) {
    var other = document.documentElement.lang === "az" ? "_en" : "_az";
    if (name.slice(-3) === other) { return 3; }
    if (/(^|_)(label|name|title)(_en|_az)?$|_en$|_az$/.test(name)) { return 0; }
    if (/^(year|period|start|date)$/.test(name)) { return 1; }
    return 2;
  }

  function labels(rows, naming) {
    var used = naming.length ? [naming[0]] : [];
    for (var i = 1; i < naming.length && repeats(rows, used); i++) { used.push(naming[i]); }
    return rows.map(function (row) {
      return used.map(function (name) { return text(row[name]); }).filter(Boolean).join(" · ");
    });
  }

  function repeats(rows, used) {
    var seen = {};
    return rows.some(function (row) {
      var key = used.map(function (name) { return text(row[name]); }).join("\u0000");
      if (seen[key]) { return true; }
      seen[key] = true;
      return false;
    });
  }

  function ChartView(yasr) {
    this.yasr = yasr;
    this.priority = 5;
    this.label = "Chart";
  }

  ChartView.prototype.answer = function () {
    var results = this.yasr.results;
    if (!results || !results.getVariables || !results.getBindings) { return null; }
    var variables = results.getVariables() || [];
    var rows = (results.getBindings() || []).slice(0, MAX_BARS);
    var found = variables.length ? shape(variables, rows) : null;
    return found ? { rows: rows, value: found.value, naming: found.naming } : null;
  };

  ChartView.prototype.canHandleResults = function () { return !!this.answer(); };

  ChartView.prototype.draw = function () {
    var answer = this.answer();
    var holder = document.createElement("div");
    holder.className = "atkg-yasr-chart";
    var canvas = document.createElement("canvas");
    canvas.setAttribute("role", "img");
    canvas.setAttribute("aria-label", answer.value);
    holder.appendChild(canvas);
    this.yasr.resultsEl.appendChild(holder);
    holder.style.height = Math.max(160, 26 * answer.rows.length + 60) + "px";
    this.chart = new window.Chart(canvas, {
      type: "bar",
      data: {
        labels: labels(answer.rows, answer.naming),
        datasets: [{ label: answer.value, backgroundColor: "#0b5cad",
                     data: answer.rows.map(function (row) { return row[answer.value] ? Number(row[answer.value].value) : null; }) }]
      },
      options: { indexAxis: "y", animation: false, maintainAspectRatio: false, responsive: true }
    });
  };

  ChartView.prototype.getIcon = function () {
    var icon = document.createElement("span");
    icon.textContent = "▤";
    return icon;
  };

  window.Yasgui.Yasr.registerPlugin("atkgChart", ChartView);
}());
