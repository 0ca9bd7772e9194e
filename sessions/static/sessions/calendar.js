// Calendar page: a "Copy link" button for the private feed URL (shown only with JavaScript).
(function () {
  "use strict";
  const button = document.querySelector("[data-copy-target]");
  if (!button || !navigator.clipboard) return;
  const input = document.getElementById(button.dataset.copyTarget);
  const status = document.querySelector(".copy-status");
  button.hidden = false;
  button.addEventListener("click", async function () {
    try {
      await navigator.clipboard.writeText(input.value);
      if (status) status.textContent = gettext("Copied.");
    } catch (error) {
      input.select();
      if (status) status.textContent = gettext("Select the link and copy it.");
    }
  });
})();
