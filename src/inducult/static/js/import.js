// Upload progress for the import form. Without this file the form posts normally.
document.addEventListener("DOMContentLoaded", () => {
  const form = document.querySelector("form.js-upload-progress");
  if (!form || !window.FormData || !window.XMLHttpRequest) return;
  const box = form.querySelector("[data-upload-progress]");
  const bar = box.querySelector("progress");
  const status = box.querySelector("[data-upload-status]");
  const button = form.querySelector("button[type=submit]");

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const request = new XMLHttpRequest();
    request.open("POST", form.action || window.location.href);
    request.upload.addEventListener("progress", (progress) => {
      if (!progress.lengthComputable) return;
      const percent = Math.round((progress.loaded / progress.total) * 100);
      bar.value = percent;
      status.textContent = percent + " %";
    });
    request.upload.addEventListener("load", () => {
      bar.removeAttribute("value"); // indeterminate while the server reads the file
    });
    request.addEventListener("load", () => {
      if (request.responseURL && request.responseURL !== window.location.href) {
        // Success: the server redirected to the preview.
        window.location.assign(request.responseURL);
        return;
      }
      // The form came back with errors: show that page as a normal post would.
      document.open();
      document.write(request.responseText);
      document.close();
    });
    request.addEventListener("error", () => {
      // The upload broke off (network): fall back to the plain form post.
      form.submit();
    });
    box.hidden = false;
    button.disabled = true;
    request.send(new FormData(form));
  });
});
