/*
 * On a page in the site's default language, a browser that prefers another language the site has gets
 * a small hint linking to that language: a suggestion, never a switch (the address decides the
 * language, so pages never vary by Accept-Language). Closing it is remembered in this browser.
 */
(function () {
  var hint = document.querySelector('[data-news-language-hint]');
  if (!hint) {
    return;
  }
  var offered = hint.getAttribute('data-news-language-hint');
  var pageLanguage = document.documentElement.lang;
  var key = 'news-language-hint-closed';
  try {
    if (window.localStorage.getItem(key)) {
      return;
    }
  } catch (e) {
    // storage refused: the hint may show again, nothing else changes
  }
  var preferred = (navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ''])
    .map(function (l) { return String(l).toLowerCase().split('-')[0]; })
    .filter(function (l) { return l === offered || l === pageLanguage; })[0];
  if (preferred !== offered) {
    return;
  }
  hint.hidden = false;
  hint.querySelector('.news-language-hint__close').addEventListener('click', function () {
    hint.hidden = true;
    try {
      window.localStorage.setItem(key, '1');
    } catch (e) {
      // nothing to remember it in
    }
  });
})();
