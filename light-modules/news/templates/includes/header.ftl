[#ftl output_format="HTML"]
[#-- The site header shared by the news page templates: site name, navigation, language switch.
     Languages and their address prefixes come from the host (Magnolia's site i18n settings). --]
<header class="news-header">
  <a class="news-header__site" href="${ctx.contextPath}${newsfn.localized("/", state.locale)}">${i18n['news.site.name']}</a>
  <nav class="news-header__nav" aria-label="${i18n['news.site.navigation']}">
    <a class="news-header__link" href="${ctx.contextPath}${newsfn.localized("/", state.locale)}">${i18n['news.site.home']}</a>
    <a class="news-header__link" href="${ctx.contextPath}${newsfn.localized("/news", state.locale)}">${i18n['news.site.news']}</a>
    [#list newsfn.otherLanguages(state.locale) as other]
    <a class="news-header__language" hreflang="${other.code}" lang="${other.code}" href="${newsfn.switchLanguage(state.originalURI!"/", ctx.contextPath, other.code)}">${other.name}</a>
    [/#list]
  </nav>
</header>
