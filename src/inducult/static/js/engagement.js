// A search box above each long <select multiple data-filterable> of the engagement form: typing
// hides options that do not match (ignoring case and accents); chosen options always stay visible.
// Without this file the plain selects work as they are.
document.addEventListener("DOMContentLoaded", () => {
  const fold = (text) => text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  for (const select of document.querySelectorAll("select[data-filterable]")) {
    const search = document.createElement("input");
    search.type = "search";
    search.className = "select-filter";
    search.placeholder = select.dataset.filterPlaceholder || "…";
    search.setAttribute("aria-controls", select.id);
    const label = document.querySelector(`label[for="${select.id}"]`);
    if (label) search.setAttribute("aria-label", label.textContent.trim());
    search.dataset.testid = `filter-${select.name}`;
    // Set through the CSSOM, which the Content-Security-Policy allows (no inline style attribute).
    search.style.display = "block";
    search.style.marginBottom = ".25rem";
    select.style.minWidth = "16rem";
    select.before(search);
    const options = Array.from(select.options).map((option) => [option, fold(option.textContent)]);
    search.addEventListener("input", () => {
      const terms = fold(search.value).split(/\s+/).filter(Boolean);
      for (const [option, text] of options) {
        option.hidden = !option.selected && option.value !== "" && !terms.every((term) => text.includes(term));
      }
    });
    // Enter in the search box must not submit the whole form.
    search.addEventListener("keydown", (event) => {
      if (event.key === "Enter") event.preventDefault();
    });
  }
});
