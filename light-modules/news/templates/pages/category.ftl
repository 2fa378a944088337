[#ftl output_format="HTML"]
[#-- news:pages/category: one category's archive, /news/<category-slug>. Documented in category.md. --]
[#assign lang = (state.locale.language)!"vi"]
[#assign category = newsfn.category(ctx.getParameter("category")!"")!""]
[#assign pageTitle = category?has_content?then(newsfn.categoryName(category, state.locale), i18n['news.pages.category.unknown'])]
[#assign pageUrl = newsfn.absoluteUrl(ctx.request, newsfn.switchLanguage(state.originalURI!"/", ctx.contextPath, lang))]
<!DOCTYPE html>
<html lang="${lang}">
<head>
  [#include "/news/templates/includes/head.ftl"]
  <title>${pageTitle} | ${i18n['news.site.name']}</title>
  [#if category?has_content]
  <meta name="description" content="${i18n['news.pages.category.description']?replace('{0}', pageTitle)}">
  <link rel="canonical" href="${pageUrl}">
  <meta property="og:type" content="website">
  <meta property="og:title" content="${pageTitle}">
  <meta property="og:url" content="${pageUrl}">
  <meta property="og:site_name" content="${i18n['news.site.name']}">
  [#else]
  <meta name="robots" content="noindex">
  [/#if]
</head>
<body class="news-page news-page--category">
  [#include "/news/templates/includes/header.ftl"]
  <div class="news-page__columns">
    <main class="news-page__main">
      [#assign crumbNames = [i18n['news.site.home'], pageTitle]]
      [#assign crumbPaths = [newsfn.localized("/", state.locale), newsfn.categoryLink(category, state.locale)]]
      [#include "/news/templates/includes/breadcrumbs.ftl"]
      <h1 class="news-page__title">${pageTitle}</h1>
      [#if category?has_content]
      [@cms.area name="main"/]
      [#else]
      <p class="news-page__text"><a href="${ctx.contextPath}${newsfn.localized("/news", state.locale)}">${i18n['news.pages.article.backToNews']}</a></p>
      [/#if]
    </main>
    <aside class="news-page__aside">
      [@cms.area name="aside"/]
    </aside>
  </div>
  [#include "/news/templates/includes/footer.ftl"]
</body>
</html>
