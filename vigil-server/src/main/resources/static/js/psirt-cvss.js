// CVSS calculator of the PSIRT case page: metric selects build the 3.1 vector; the score comes
// from the server (/psirt/cvss), so the page and Vigil share one scoring implementation.
(function () {
  'use strict';
  var box = document.querySelector('.cvss-calculator');
  if (!box) {
    return;
  }
  var url = box.getAttribute('data-score-url');
  var v31 = document.getElementById('cvss31');
  var v40 = document.getElementById('cvss40');
  var selects = box.querySelectorAll('select.cvss-metric');
  var order = ['AV', 'AC', 'PR', 'UI', 'S', 'C', 'I', 'A'];

  function fromVector() {
    var parts = (v31.value || '').split('/');
    var values = {};
    parts.slice(1).forEach(function (p) {
      var kv = p.split(':');
      values[kv[0]] = kv[1];
    });
    selects.forEach(function (s) {
      var m = s.getAttribute('data-metric');
      if (values[m]) {
        s.value = values[m];
      }
    });
  }

  function toVector() {
    var values = {};
    selects.forEach(function (s) {
      values[s.getAttribute('data-metric')] = s.value;
    });
    if (order.some(function (m) { return !values[m]; })) {
      return;
    }
    v31.value = 'CVSS:3.1/' + order.map(function (m) { return m + ':' + values[m]; }).join('/');
    score(v31, document.getElementById('cvss31-score'));
  }

  function score(input, out) {
    var vector = (input.value || '').trim();
    if (!vector) {
      out.textContent = '';
      return;
    }
    fetch(url + '?vector=' + encodeURIComponent(vector), {credentials: 'same-origin'})
      .then(function (r) { return r.json(); })
      .then(function (result) {
        out.textContent = result.error ? result.error
          : 'Base score ' + result.baseScore + ' (' + result.severity + ')';
      })
      .catch(function () { out.textContent = 'Could not score the vector.'; });
  }

  selects.forEach(function (s) { s.addEventListener('change', toVector); });
  v31.addEventListener('change', function () { fromVector(); score(v31, document.getElementById('cvss31-score')); });
  v40.addEventListener('change', function () { score(v40, document.getElementById('cvss40-score')); });
  fromVector();
  score(v31, document.getElementById('cvss31-score'));
  score(v40, document.getElementById('cvss40-score'));
}());
