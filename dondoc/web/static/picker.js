// dondoc admin pages: the owner picker (search-as-you-type in the directory) and the link between a card
// and its span in the text. Plain JavaScript served from the package: no build step, no npm.
(function () {
  "use strict";
  var form = document.getElementById("review");
  if (!form) return;
  var searchUrl = form.getAttribute("data-search");
  var timer = null, seq = 0;

  function closeAll() {
    document.querySelectorAll(".picker-list").forEach(function (ul) { ul.remove(); });
  }

  function rowOf(input) { return input.closest(".owner"); }

  function choose(input, hit) {
    var row = rowOf(input);
    input.value = hit.code;
    input.classList.remove("bad");
    var group = input.parentNode.querySelector(".org-group");
    if (group) group.value = "";
    // what the last check said about this field no longer holds
    input.parentNode.querySelectorAll(".field-error, a.add-org").forEach(function (el) { el.remove(); });
    if (row) {
      var nameInput = row.querySelector(".owner-name");
      if (nameInput && !nameInput.value.trim()) nameInput.value = hit.name;
      var label = row.querySelector(".org-label");
      if (label) label.textContent = "✓ " + hit.name;
      row.classList.remove("bad", "group");
      row.classList.add("ok");
      offerSameName(row, hit);
    }
    closeAll();
  }

  // The same name unresolved on other cards: one click gives them the same organisation.
  function offerSameName(row, hit) {
    var old = row.querySelector(".apply-all");
    if (old) old.remove();
    var name = row.getAttribute("data-name");
    if (!name) return;
    var others = Array.prototype.filter.call(document.querySelectorAll(".owner.bad"), function (r) {
      return r !== row && r.getAttribute("data-name") === name;
    });
    if (!others.length) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "small secondary apply-all";
    button.textContent = "Áp dụng “" + hit.name + "” cho " + others.length + " mục khác cùng ghi “" + name + "”";
    button.addEventListener("click", function () {
      others.forEach(function (r) {
        var input = r.querySelector(".org-pick");
        if (input) choose(input, hit);
      });
      button.remove();
    });
    row.querySelector(".org-pick").parentNode.appendChild(button);
  }

  function show(input, hits) {
    closeAll();
    var ul = document.createElement("ul");
    ul.className = "picker-list";
    ul.setAttribute("role", "listbox");
    if (!hits.length) {
      var li = document.createElement("li");
      li.textContent = "Không tìm thấy trong danh bạ";
      ul.appendChild(li);
    }
    hits.forEach(function (hit, k) {
      var li = document.createElement("li");
      li.setAttribute("role", "option");
      li.dataset.k = k;
      li.textContent = hit.name + " ";
      var small = document.createElement("small");
      small.textContent = hit.code + " · " + hit.level + (hit.parent ? " · thuộc " + hit.parent : "") + (hit.ceased ? " · đã giải thể" : "");
      li.appendChild(small);
      li.addEventListener("mousedown", function (ev) { ev.preventDefault(); choose(input, hit); });
      ul.appendChild(li);
    });
    ul._hits = hits;
    input.parentNode.style.position = "relative";
    input.parentNode.appendChild(ul);
  }

  function search(input) {
    var q = input.value.trim();
    if (q.length < 2) { closeAll(); return; }
    var mine = ++seq;
    fetch(searchUrl + "?q=" + encodeURIComponent(q), { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (r) { return r.ok ? r.json() : []; })
      .then(function (hits) { if (mine === seq && document.activeElement === input) show(input, hits); })
      .catch(function () {});
  }

  form.addEventListener("input", function (ev) {
    var input = ev.target;
    if (!input.classList || !input.classList.contains("org-pick")) return;
    clearTimeout(timer);
    timer = setTimeout(function () { search(input); }, 150);
  });

  form.addEventListener("keydown", function (ev) {
    var input = ev.target;
    if (!input.classList || !input.classList.contains("org-pick")) return;
    var ul = input.parentNode.querySelector(".picker-list");
    if (ev.key === "Escape") { closeAll(); return; }
    if (!ul || !ul._hits || !ul._hits.length) { if (ev.key === "Enter") ev.preventDefault(); return; }
    var items = ul.querySelectorAll("li"), on = ul.querySelector("li.on"), k = on ? +on.dataset.k : -1;
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      ev.preventDefault();
      k = ev.key === "ArrowDown" ? Math.min(items.length - 1, k + 1) : Math.max(0, k - 1);
      items.forEach(function (li) { li.classList.remove("on"); });
      items[k].classList.add("on");
      items[k].scrollIntoView({ block: "nearest" });
    } else if (ev.key === "Enter") {
      ev.preventDefault();
      choose(input, ul._hits[Math.max(0, k)]);
    }
  });

  form.addEventListener("focusout", function (ev) {
    if (ev.target.classList && ev.target.classList.contains("org-pick")) setTimeout(closeAll, 150);
  });

  // a card and its span: hovering or focusing a card lights its part of the text
  function light(i) {
    document.querySelectorAll(".source mark.active").forEach(function (m) { m.classList.remove("active"); });
    if (i === null) return;
    document.querySelectorAll('.source mark[data-t*=" ' + i + ' "]').forEach(function (m) { m.classList.add("active"); });
  }
  document.querySelectorAll("article.task").forEach(function (card) {
    var i = card.getAttribute("data-i");
    card.addEventListener("mouseenter", function () { light(i); });
    card.addEventListener("focusin", function () { light(i); });
  });
  document.querySelectorAll(".source a.key").forEach(function (a) {
    a.addEventListener("click", function () { light(a.id.replace("src-", "")); });
  });
})();
