// Trend chart of the portfolio page. Data comes from data-* attributes (no inline script under the CSP).
document.addEventListener('DOMContentLoaded', () => {
  const canvas = document.getElementById('trend');
  if (!canvas || typeof Chart === 'undefined') {
    return;
  }
  const series = (name, color) => ({ label: name, data: JSON.parse(canvas.dataset[name.toLowerCase()]), backgroundColor: color });
  new Chart(canvas, {
    type: 'bar',
    data: {
      labels: JSON.parse(canvas.dataset.labels),
      datasets: [series('Critical', '#8b0000'), series('High', '#c0392b'), series('Medium', '#9a6700'), series('Low', '#1f4e79')]
    },
    options: { animation: false, scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } } }
  });
});
