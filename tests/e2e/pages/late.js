// A paid-content widget that arrives 500 ms after the page's load event, as ad scripts do.
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
  }, 500);
});
