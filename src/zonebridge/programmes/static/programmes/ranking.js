// Rank lists: reorder rows with Alt+ArrowUp / Alt+ArrowDown on a focused row, or by dragging.
// Without this file every Up/Down/Remove/Add button posts the list with one change, so nothing depends on it.
(function () {
  "use strict";

  function rows(list) {
    return Array.prototype.slice.call(list.querySelectorAll("li[data-id]"));
  }

  function refresh(list, moved) {
    var all = rows(list);
    all.forEach(function (row, index) {
      var up = row.querySelector("button[value^='up:']");
      var down = row.querySelector("button[value^='down:']");
      if (up) { up.disabled = index === 0; }
      if (down) { down.disabled = index === all.length - 1; }
    });
    var status = document.querySelector("[data-rank-status]");
    if (status && moved) {
      status.textContent = moved.getAttribute("aria-label") + ": " + (all.indexOf(moved) + 1) + " / " + all.length;
    }
    list.dataset.changed = "true";
  }

  function move(list, row, offset) {
    var all = rows(list);
    var index = all.indexOf(row);
    var target = all[index + offset];
    if (!target) { return; }
    if (offset < 0) { list.insertBefore(row, target); } else { list.insertBefore(target, row); }
    row.focus();
    refresh(list, row);
  }

  function enhance(list) {
    var dragged = null;
    list.addEventListener("keydown", function (event) {
      var row = event.target.closest("li[data-id]");
      if (!row || event.target !== row || !event.altKey) { return; }
      if (event.key === "ArrowUp") { event.preventDefault(); move(list, row, -1); }
      if (event.key === "ArrowDown") { event.preventDefault(); move(list, row, 1); }
    });
    list.addEventListener("dragstart", function (event) {
      dragged = event.target.closest("li[data-id]");
      if (dragged) { dragged.classList.add("prog-dragging"); event.dataTransfer.effectAllowed = "move"; }
    });
    list.addEventListener("dragover", function (event) {
      var over = event.target.closest("li[data-id]");
      if (!dragged || !over || over === dragged) { return; }
      event.preventDefault();
      var box = over.getBoundingClientRect();
      list.insertBefore(dragged, event.clientY < box.top + box.height / 2 ? over : over.nextSibling);
    });
    list.addEventListener("dragend", function () {
      if (dragged) { dragged.classList.remove("prog-dragging"); refresh(list, dragged); }
      dragged = null;
    });
  }

  document.querySelectorAll("[data-rank-list]").forEach(enhance);
})();
