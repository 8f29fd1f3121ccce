// The index of units: the search box filters the rows, a click on a column head sorts by it (again: reversed).
(function () {
  var table = document.getElementById('units');
  if (!table) {
    return;
  }
  var body = table.tBodies[0];
  var search = document.getElementById('unit-search');
  var count = document.getElementById('unit-count');
  search.addEventListener('input', function () {
    var q = search.value.trim().toLowerCase();
    var shown = 0;
    for (var i = 0; i < body.rows.length; i++) {
      var row = body.rows[i];
      var hit = q === '' || row.getAttribute('data-search').indexOf(q) >= 0;
      row.hidden = !hit;
      if (hit) {
        shown++;
      }
    }
    count.textContent = String(shown);
  });
  var heads = table.tHead.rows[0].cells;
  for (var c = 0; c < heads.length; c++) {
    heads[c].addEventListener('click', sortBy.bind(null, c));
  }
  function sortBy(column) {
    var head = heads[column];
    var numeric = head.getAttribute('data-type') === 'num';
    var descending = head.getAttribute('aria-sort') === 'ascending';
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = a.cells[column].getAttribute('data-v');
      var y = b.cells[column].getAttribute('data-v');
      var order;
      if (numeric) {
        order = (x === '' ? -Infinity : Number(x)) - (y === '' ? -Infinity : Number(y));
      } else {
        order = x.localeCompare(y, 'zh-CN');
      }
      return descending ? -order : order;
    });
    for (var i = 0; i < heads.length; i++) {
      heads[i].removeAttribute('aria-sort');
    }
    head.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
    var fragment = document.createDocumentFragment();
    rows.forEach(function (r) { fragment.appendChild(r); });
    body.appendChild(fragment);
  }
})();
