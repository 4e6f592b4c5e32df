// Small behaviours for Vigil's pages. Loaded as a file so that the Content-Security-Policy can
// forbid inline script everywhere.
document.addEventListener('DOMContentLoaded', () => {
  // Copy buttons next to secrets shown once (tokens, recovery codes, invitation links).
  document.querySelectorAll('[data-copy]').forEach((button) => {
    button.addEventListener('click', () => {
      const target = document.getElementById(button.getAttribute('data-copy'));
      if (target && navigator.clipboard) {
        navigator.clipboard.writeText(target.textContent.trim()).then(() => {
          button.textContent = 'Copied';
        });
      }
    });
  });
  // Forms that ask for confirmation before a destructive action.
  document.querySelectorAll('form[data-confirm]').forEach((form) => {
    form.addEventListener('submit', (event) => {
      if (!window.confirm(form.getAttribute('data-confirm'))) {
        event.preventDefault();
      }
    });
  });
});
