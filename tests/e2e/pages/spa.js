// A single-page app's navigation: pushState, then the same elements get the next story's text, and
// the "extra" section turns into a paid-content box in place (attributes and text, no new elements,
// so only a re-run of the cleanup can see it).
document.getElementById("next").addEventListener("click", (e) => {
  e.preventDefault();
  history.pushState({ story: 2 }, "", e.currentTarget.getAttribute("href"));
  document.title = "Harbour wall repairs begin | Island Times";
  document.getElementById("headline").textContent = "Harbour wall repairs begin after storm damage";
  document.getElementById("byline").textContent = "Owen Price";
  const paragraphs = [
    "Repairs to the harbour wall began on Monday, three weeks after a storm tore a twelve-metre gap in the old stone breakwater.",
    "Contractors expect the work to take until the end of December. Fishing boats have been moved to the inner basin while cranes work from the quay.",
    "The harbour master said the wall would be rebuilt with the original stone where possible, and strengthened with a concrete core.",
  ];
  document.querySelectorAll("#body > p").forEach((p, i) => { p.textContent = paragraphs[i]; });
  const extra = document.getElementById("extra");
  extra.className = "sponsored-content trc_related_container";
  extra.setAttribute("data-widget", "taboola-below-article");
  document.getElementById("extra-title").textContent = "Sponsored Articles";
  document.getElementById("extra-text").textContent = "Homeowners are replacing their windows with this simple trick · WindowPro | Sponsored";
});
