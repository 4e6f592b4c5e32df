// Radar charts of assessment maturity. Data comes from data-* attributes (no inline script under the CSP).
document.addEventListener('DOMContentLoaded', () => {
  document.querySelectorAll('canvas[data-labels]').forEach((canvas) => {
    if (typeof Chart === 'undefined') {
      return;
    }
    const datasets = [{
      label: canvas.dataset.name || 'Maturity',
      data: JSON.parse(canvas.dataset.values),
      backgroundColor: 'rgba(46, 134, 193, 0.25)',
      borderColor: '#1f4e79',
      pointBackgroundColor: '#1f4e79'
    }];
    if (canvas.dataset.compare) {
      datasets.push({
        label: canvas.dataset.compareName || 'Before',
        data: JSON.parse(canvas.dataset.compare),
        backgroundColor: 'rgba(154, 103, 0, 0.12)',
        borderColor: '#9a6700',
        borderDash: [6, 4],
        pointBackgroundColor: '#9a6700'
      });
    }
    new Chart(canvas, {
      type: 'radar',
      data: { labels: JSON.parse(canvas.dataset.labels), datasets: datasets },
      options: {
        animation: false,
        scales: { r: { min: 0, max: 3, ticks: { stepSize: 1 } } },
        plugins: { legend: { display: datasets.length > 1 } }
      }
    });
  });
});
