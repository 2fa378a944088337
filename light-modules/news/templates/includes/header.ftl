[#ftl output_format="HTML"]
[#-- The site header shared by the news page templates: site name, navigation, language switch, a
     search box (not on the search page, which has its own and sets searchPage), and on pages in the
     default language a hint for browsers that prefer another one (shown by site.js, never
     a switch by itself). Languages and their address prefixes come from the host. --]
<header class="news-header">
  <a class="news-header__site" href="${ctx.contextPath}${newsfn.localized("/", state.locale)}">${i18n['news.site.name']}</a>
  <nav class="news-header__nav" aria-label="${i18n['news.site.navigation']}">
    [#-- The menu is made from the site's pages (their menu titles, in the page's language); a host that
         makes none (Magnolia, where sites build their own navigation) gets the two links below. --]
    [#assign menu = newsfn.menu(state.locale)]
    [#if menu?has_content]
    [#list menu as entry]
    <a class="news-header__link" href="${ctx.contextPath}${newsfn.localized(entry.path, state.locale)}">${entry.title}</a>
    [/#list]
    [#else]
    <a class="news-header__link" href="${ctx.contextPath}${newsfn.localized("/", state.locale)}">${i18n['news.site.home']}</a>
    <a class="news-header__link" href="${ctx.contextPath}${newsfn.localized("/news", state.locale)}">${i18n['news.site.news']}</a>
    [/#if]
    [#-- An article links to its version in each other language it has; other pages to the same page there. --]
    [#if pageVersions??]
    [#list pageVersions as other]
    [#if other.code != ((state.locale.language)!"")]
    <a class="news-header__language" hreflang="${other.tag}" lang="${other.tag}" href="${ctx.contextPath}${other.link}">${other.name}</a>
    [/#if]
    [/#list]
    [#else]
    [#list newsfn.otherLanguages(state.locale) as other]
    <a class="news-header__language" hreflang="${other.tag}" lang="${other.tag}" href="${newsfn.switchLanguage(state.originalURI!"/", ctx.contextPath, other.code)}">${other.name}</a>
    [/#list]
    [/#if]
  </nav>
  [#-- The search page has its own box with the words in it: one search box there, not two. --]
  [#if !(searchPage!false)]
  <form class="news-header__search" role="search" action="${ctx.contextPath}${newsfn.localized("/news/search", state.locale)}">
    <label class="news-visually-hidden" for="news-header-q">${i18n['news.pages.search.label']}</label>
    <input class="news-header__search-input" id="news-header-q" type="search" name="q" maxlength="100" placeholder="${i18n['news.pages.search.placeholder']}">
    <button class="news-header__search-button" type="submit">${i18n['news.pages.search.button']}</button>
  </form>
  [/#if]
</header>
[#if newsfn.isDefaultLanguage(state.locale)]
[#-- On an article, only where it has a version in that language ("This page is also in English" must be true). --]
[#list newsfn.otherLanguages(state.locale) as other]
[#assign otherVersion = ""]
[#if pageVersions??]
[#list pageVersions as version][#if version.code == other.code][#assign otherVersion = version.link][/#if][/#list]
[#else]
[#assign otherVersion = newsfn.switchLanguage(state.originalURI!"/", ctx.contextPath, other.code)?remove_beginning(ctx.contextPath)]
[/#if]
[#if otherVersion?has_content]
<p class="news-language-hint" data-news-language-hint="${other.code}" hidden>
  <a class="news-language-hint__link" hreflang="${other.tag}" lang="${other.tag}" href="${ctx.contextPath}${otherVersion}">${i18n['news.site.languageHint']}</a>
  <button type="button" class="news-language-hint__close" aria-label="${i18n['news.site.languageHint.close']}">×</button>
</p>
[/#if]
[/#list]
[/#if]
