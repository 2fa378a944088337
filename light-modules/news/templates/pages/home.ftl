[#ftl output_format="HTML"]
[#-- news:pages/home: a main column and an aside where components are dropped. Documented in home.md. --]
[#assign lang = (state.locale.language)!"vi"]
<!DOCTYPE html>
<html lang="${lang}">
<head>
  [#include "/news/templates/includes/head.ftl"]
  <title>${content.title!i18n['news.site.name']}</title>
</head>
<body class="news-page news-page--home">
  [#include "/news/templates/includes/header.ftl"]
  <div class="news-page__columns">
    <main class="news-page__main">
      [@cms.area name="main"/]
    </main>
    <aside class="news-page__aside">
      [@cms.area name="aside"/]
    </aside>
  </div>
  [#include "/news/templates/includes/footer.ftl"]
</body>
</html>
