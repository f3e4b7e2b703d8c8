// Filters for the claims ledger table: show only rows matching the chosen verdict, evidence grade and phase.
document.addEventListener("DOMContentLoaded", function () {
  var table = document.getElementById("ledger-table");
  if (!table) { return; }
  var filters = [["ledger-verdict", "verdict"], ["ledger-evidence", "evidence"], ["ledger-phase", "phase"]]
    .map(function (f) { return [document.getElementById(f[0]), f[1]]; })
    .filter(function (f) { return f[0]; });
  var count = document.getElementById("ledger-count");
  function apply() {
    var shown = 0;
    table.querySelectorAll("tbody tr").forEach(function (row) {
      var ok = filters.every(function (f) { return !f[0].value || row.dataset[f[1]] === f[0].value; });
      row.hidden = !ok;
      if (ok) { shown += 1; }
    });
    var total = table.querySelectorAll("tbody tr").length;
    count.textContent = document.documentElement.lang.indexOf("zh") === 0
      ? "显示 " + total + " 条论断中的 " + shown + " 条" : shown + " of " + total + " claims shown";
  }
  filters.forEach(function (f) { f[0].addEventListener("change", apply); });
  apply();
});
