// Incident pages: tell the server the browser's time zone (cookie read by the pages), and keep
// the reporting-clock countdowns current. Loaded as a file: the CSP forbids inline script.
(() => {
  try {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && !document.cookie.split('; ').includes('vigil_tz=' + encodeURIComponent(zone))) {
      document.cookie = 'vigil_tz=' + encodeURIComponent(zone) + '; path=/; max-age=31536000; SameSite=Strict; Secure';
    }
  } catch (e) {
    // no Intl: the server's default zone is used
  }
  const describe = (ms) => {
    const overdue = ms < 0;
    let left = Math.floor(Math.abs(ms) / 60000);
    const days = Math.floor(left / 1440);
    left -= days * 1440;
    const hours = Math.floor(left / 60);
    const minutes = left - hours * 60;
    let text = '';
    if (days > 0) text += days + ' d ';
    if (days > 0 || hours > 0) text += hours + ' h ';
    text += minutes + ' min';
    return overdue ? 'overdue by ' + text : text + ' left';
  };
  const tick = () => {
    document.querySelectorAll('[data-due]').forEach((element) => {
      const due = Date.parse(element.getAttribute('data-due'));
      if (!Number.isNaN(due)) {
        const ms = due - Date.now();
        element.textContent = describe(ms);
        if (ms < 0) {
          element.className = 'badge bad';
        }
      }
    });
  };
  document.addEventListener('DOMContentLoaded', () => {
    tick();
    setInterval(tick, 30000);
  });
})();
