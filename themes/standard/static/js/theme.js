/*
 * Progressive enhancement only: on a phone the main menu collapses behind a toggle button.
 * Without this script the menu stays visible as a grid of columns, so nothing depends on it.
 */
(function () {
  "use strict";
  var nav = document.querySelector("[data-nav]");
  if (!nav) return;
  var button = nav.querySelector(".main-nav__toggle");
  var list = nav.querySelector(".main-nav__list");
  if (!button || !list) return;

  document.documentElement.classList.add("js-nav");
  button.hidden = false;

  function setOpen(open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
    list.classList.toggle("is-open", open);
  }

  button.addEventListener("click", function () {
    setOpen(button.getAttribute("aria-expanded") !== "true");
  });

  nav.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
      setOpen(false);
      button.focus();
    }
  });
})();
