// A paid-content widget that arrives 500 ms after the page's load event, as ad scripts do, and a
// related-stories box 400 ms after it.
// It records whether Blockwise had already cleaned the page when it arrived, for the test to check.
window.addEventListener("load", () => {
  setTimeout(() => {
    const cleanedBefore = document.querySelector("[data-blockwise]") !== null;
    document.documentElement.setAttribute("data-test-late-after-clean", String(cleanedBefore));
    const widget = document.createElement("section");
    widget.id = "late-sponsored";
    widget.className = "OUTBRAIN ob-widget ob-sponsored";
    widget.setAttribute("data-widget-id", "AR_1");
    const title = document.createElement("h2");
    title.className = "ob-widget-header";
    title.textContent = "Promoted Stories";
    widget.append(title);
    const ads = [
      ["Doctors stunned by this one simple morning habit", "HealthyDaily"],
      ["Retirees in the city are switching to this insurance", "CoverRight"],
      ["The new electric SUV everyone is test-driving", "AutoDeals"],
    ];
    for (const [headline, brand] of ads) {
      const a = document.createElement("a");
      a.className = "ob-dynamic-rec-link";
      a.href = "https://paid.example.invalid/r?" + encodeURIComponent(brand);
      a.rel = "sponsored nofollow";
      const h = document.createElement("span");
      h.className = "ob-rec-text";
      h.textContent = headline;
      const b = document.createElement("span");
      b.className = "ob-rec-source";
      b.textContent = brand + " · Sponsored";
      a.append(h, b);
      widget.append(a);
    }
    document.getElementById("below-article").append(widget);
    // The site's own "more stories" box, added by its script a moment later: alone in its batch, it is
    // all the new content there is, and must not be taken for a story.
    setTimeout(() => {
      const more = document.createElement("aside");
      more.id = "late-related";
      const h = document.createElement("h2");
      h.textContent = "More from the Herald";
      const ul = document.createElement("ul");
      for (const [slug, headline] of [
        ["ferry-timetable", "Ferry timetable changes for the summer season"],
        ["rail-works", "Rail works close the coast line for two weekends"],
        ["school-places", "School places: what the new catchment rules mean"],
        ["promenade-repairs", "Storm damage repairs on the promenade begin next month"],
      ]) {
        const li = document.createElement("li");
        const a = document.createElement("a");
        a.href = "/news/" + slug;
        a.textContent = headline;
        li.append(a);
        ul.append(li);
      }
      more.append(h, ul);
      document.getElementById("below-article").append(more);
    }, 400);
  }, 500);
});
