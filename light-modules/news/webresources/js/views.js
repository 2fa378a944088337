/*
 * Magnolia News - view beacon. On an article page (an element with data-news-article) it posts the
 * article's id to the counting endpoint once per article and browser tab session: sessionStorage
 * remembers what this tab already reported, so a reload is not counted again. No cookies.
 * Nothing is sent in preview (data-news-preview), so editors checking a page do not count.
 */
(function () {
  "use strict";
  var article = document.querySelector("[data-news-article]");
  if (!article || article.hasAttribute("data-news-preview")) {
    return;
  }
  var id = article.getAttribute("data-news-article");
  var endpoint = article.getAttribute("data-news-beacon");
  if (!id || !endpoint) {
    return;
  }
  var key = "news-viewed:" + id;
  try {
    if (window.sessionStorage.getItem(key)) {
      return;
    }
    window.sessionStorage.setItem(key, "1");
  } catch (storageUnavailable) {
    // Private modes may refuse storage: count the view, a reload may count again.
  }
  var body = "id=" + encodeURIComponent(id);
  var sent = false;
  if (navigator.sendBeacon) {
    sent = navigator.sendBeacon(endpoint, new Blob([body], {type: "application/x-www-form-urlencoded"}));
  }
  if (!sent && window.fetch) {
    window.fetch(endpoint, {
      method: "POST",
      body: body,
      keepalive: true,
      credentials: "omit",
      headers: {"Content-Type": "application/x-www-form-urlencoded"}
    }).catch(function () { /* a lost view is not worth bothering the reader */ });
  }
})();
