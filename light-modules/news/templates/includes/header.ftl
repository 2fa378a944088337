[#-- The site header shared by the news page templates: site name, navigation, language switch. --]
[#assign langPrefix = (lang == "vi")?then("", "/" + lang)]
<header class="news-header">
  <a class="news-header__site" href="${ctx.contextPath}${langPrefix}/">${i18n['news.site.name']}</a>
  <nav class="news-header__nav" aria-label="${i18n['news.site.navigation']}">
    <a class="news-header__link" href="${ctx.contextPath}${langPrefix}/">${i18n['news.site.home']}</a>
    <a class="news-header__link" href="${ctx.contextPath}${langPrefix}/news">${i18n['news.site.news']}</a>
    [#if lang == "vi"]
    <a class="news-header__language" hreflang="en" lang="en" href="${newsfn.switchLanguage(state.originalURI!"/", ctx.contextPath, "en")}">English</a>
    [#else]
    <a class="news-header__language" hreflang="vi" lang="vi" href="${newsfn.switchLanguage(state.originalURI!"/", ctx.contextPath, "vi")}">Tiếng Việt</a>
    [/#if]
  </nav>
</header>
