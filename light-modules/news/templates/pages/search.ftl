[#ftl output_format="HTML"]
[#-- news:pages/search: the site's search, ?q=words&page=N. Documented in search.md. --]
[#assign lang = (state.locale.language)!"vi"]
[#assign q = (ctx.getParameter("q")!"")?trim]
[#assign pageTitle = content.title!i18n['news.pages.search.title']]
<!DOCTYPE html>
<html lang="${lang}">
<head>
  [#include "/news/templates/includes/head.ftl"]
  <title>[#if q?has_content]${q} | [/#if]${pageTitle} | ${i18n['news.site.name']}</title>
  [#-- Result pages are endless and personal: not for search engines. --]
  <meta name="robots" content="noindex, follow">
  <meta name="description" content="${i18n['news.pages.search.description']}">
  <meta property="og:type" content="website">
  <meta property="og:title" content="${pageTitle}">
  <meta property="og:site_name" content="${i18n['news.site.name']}">
</head>
<body class="news-page news-page--search">
  [#assign searchPage = true]
  [#include "/news/templates/includes/header.ftl"]
  <div class="news-page__columns">
    <main class="news-page__main">
      <h1 class="news-page__title">${pageTitle}</h1>
      <form class="news-search" role="search" action="${ctx.contextPath}${newsfn.localized("/news/search", state.locale)}">
        <label class="news-search__label" for="news-search-q">${i18n['news.pages.search.label']}</label>
        <input class="news-search__input" id="news-search-q" type="search" name="q" value="${q}" maxlength="100">
        <button class="news-search__button" type="submit">${i18n['news.pages.search.button']}</button>
      </form>
      [#if !q?has_content]
      <p class="news-search__hint">${i18n['news.pages.search.empty']}</p>
      [#else]
      [#assign results = newsfn.search(q, ctx.getParameter("page")!"1")]
      [#if results.empty]
      <p class="news-search__none" role="status">${i18n['news.pages.search.none']?replace('{0}', q)}</p>
      [#else]
      [#if results.moreThanTotal][#assign found = i18n['news.pages.search.countMore']][#else][#assign found = i18n['news.pages.search.count']][/#if]
      <p class="news-search__count" role="status">${found?replace('{0}', results.total?string(",##0"))}</p>
      <ul class="news-list__items news-search__results">
        [#list results.items as article]
        <li class="news-list__item">
          <a class="news-list__title" href="${ctx.contextPath}${newsfn.link(article, state.locale)}">${newsfn.highlight(article.title, q)?no_esc}</a>
          <p class="news-list__meta"><time datetime="${article.isoDate}">${article.date} ${article.time}</time></p>
          [#if article.lead?has_content]<p class="news-list__lead">${newsfn.highlight(article.lead, q)?no_esc}</p>[/#if]
        </li>
        [/#list]
      </ul>
      [#if results.pageCount > 1]
      <nav class="news-list__pager" aria-label="${i18n['news.components.newsList.pager']}">
        [#if results.hasPrevious]<a class="news-list__previous" rel="prev" href="?q=${q?url('UTF-8')}&amp;page=${results.previousPage?c}">${i18n['news.components.newsList.previous']}</a>[/#if]
        <span class="news-list__position">${i18n['news.components.newsList.page']} ${results.page?c}/${results.pageCount?c}</span>
        [#if results.hasNext]<a class="news-list__next" rel="next" href="?q=${q?url('UTF-8')}&amp;page=${results.nextPage?c}">${i18n['news.components.newsList.next']}</a>[/#if]
      </nav>
      [/#if]
      [/#if]
      [/#if]
    </main>
    <aside class="news-page__aside">
      [@cms.area name="aside"/]
    </aside>
  </div>
  [#include "/news/templates/includes/footer.ftl"]
</body>
</html>
