[#ftl output_format="HTML"]
[#-- news:pages/content: a plain content page (about the ward, contacts...). Documented in content.md. --]
[#assign lang = (state.locale.language)!"vi"]
[#assign pageTitle = content.title!i18n['news.site.name']]
[#assign pageUrl = newsfn.absoluteUrl(ctx.request, newsfn.switchLanguage(state.originalURI!"/", ctx.contextPath, lang))]
<!DOCTYPE html>
<html lang="${lang}">
<head>
  [#include "/news/templates/includes/head.ftl"]
  [#if (state.previewMode)!false]<meta name="robots" content="noindex, nofollow">[/#if]
  <title>${pageTitle} | ${i18n['news.site.name']}</title>
  <link rel="canonical" href="${pageUrl}">
  <meta property="og:type" content="website">
  <meta property="og:title" content="${pageTitle}">
  <meta property="og:url" content="${pageUrl}">
  <meta property="og:site_name" content="${i18n['news.site.name']}">
  <meta property="og:locale" content="${(lang == 'vi')?then('vi_VN', 'en_US')}">
</head>
<body class="news-page news-page--content">
  [#include "/news/templates/includes/header.ftl"]
  <div class="news-page__columns">
    <main class="news-page__main">
      [#if (state.previewMode)!false]<p class="news-article__preview news-page__preview" role="status">${i18n['news.site.preview.banner']}</p>[/#if]
      <h1 class="news-page__title">${pageTitle}</h1>
      [@cms.area name="main"/]
    </main>
    <aside class="news-page__aside">
      [@cms.area name="aside"/]
    </aside>
  </div>
  [#include "/news/templates/includes/footer.ftl"]
</body>
</html>
