// Draws every chart of the report from the JSON configuration beside its canvas.
document.querySelectorAll('canvas.fs-chart').forEach(function (canvas) {
  var config = JSON.parse(document.getElementById(canvas.dataset.config).textContent);
  new Chart(canvas, config);
  canvas.setAttribute('data-rendered', 'true');
});
