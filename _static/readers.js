// For readers (see aicloud/sphinx_readers.py for what the build does to every page).
// 1. Name the theme's controls by their visible words (axe: label-content-name-mismatch). The theme draws these
//    controls with scripts, so mending them here changes nothing for a reader without scripts.
// 2. Before printing, load the static chart images now (they load lazily on screen, as they are hidden there).
document.addEventListener("DOMContentLoaded", function () {
  // Only the search field that shows the word "Search" (the icon-only button keeps its label).
  document.querySelectorAll(".search-button-field[aria-label]").forEach(function (b) {
    if (b.querySelector(".search-button__default-text")) { b.removeAttribute("aria-label"); }
  });
  document.querySelectorAll(".theme-switch-button i[title]").forEach(function (i) {
    i.setAttribute("aria-hidden", "true");
    i.removeAttribute("title");
  });
  document.querySelectorAll("summary[aria-label='Toggle hidden content']")
    .forEach(function (s) { s.removeAttribute("aria-label"); });
});
window.addEventListener("beforeprint", function () {
  document.querySelectorAll("img.chart-static[loading='lazy']").forEach(function (img) {
    img.loading = "eager";
  });
});
