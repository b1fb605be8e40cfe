// allegiance: small touches for every page (no third-party code).
"use strict";

// Scroll each document excerpt so that its marked evidence is in view.
document.querySelectorAll(".doc-text:not(.full)").forEach((box) => {
  const mark = box.querySelector("mark");
  if (mark) {
    box.scrollTop = Math.max(0, mark.offsetTop - box.clientHeight / 3);
  }
});
