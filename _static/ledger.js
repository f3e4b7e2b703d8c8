// Filters for the claims ledger table: show only rows matching the chosen verdict and phase.
document.addEventListener("DOMContentLoaded", function () {
  var table = document.getElementById("claims-ledger");
  if (!table) { return; }
  var verdict = document.getElementById("ledger-verdict");
  var phase = document.getElementById("ledger-phase");
  var count = document.getElementById("ledger-count");
  function apply() {
    var shown = 0;
    table.querySelectorAll("tbody tr").forEach(function (row) {
      var ok = (!verdict.value || row.dataset.verdict === verdict.value) &&
               (!phase.value || row.dataset.phase === phase.value);
      row.hidden = !ok;
      if (ok) { shown += 1; }
    });
    count.textContent = shown + " of " + table.querySelectorAll("tbody tr").length + " claims shown";
  }
  verdict.addEventListener("change", apply);
  phase.addEventListener("change", apply);
  apply();
});
