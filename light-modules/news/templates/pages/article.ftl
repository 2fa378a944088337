[#ftl output_format="HTML"]
[#-- news:pages/article: one article with its meta line, structured data and a "related" area. Documented in article.md. --]
[#assign lang = (state.locale.language)!"vi"]
[#assign article = (newsfn.article(ctx.getParameter("article")!""))!""]
[#-- The languages the article can be read in, with its address in each (an English version has its own):
     the head's hreflang alternates, the header's language switch and hint use these, not the page's path. --]
[#if article?has_content][#assign pageVersions = newsfn.alternates(article)][/#if]
<!DOCTYPE html>
<html lang="${lang}">
<head>
  [#include "/news/templates/includes/head.ftl"]
  [#if (state.previewMode)!false]<meta name="robots" content="noindex, nofollow">[/#if]
  [#if article?has_content]
  [#assign pageUrl = newsfn.absoluteUrl(ctx.request, ctx.contextPath + newsfn.link(article, state.locale))]
  <title>${article.title} | ${i18n['news.site.name']}</title>
  [#if article.lead?has_content]<meta name="description" content="${article.lead}">[/#if]
  <link rel="canonical" href="${pageUrl}">
  <meta property="og:type" content="article">
  <meta property="og:title" content="${article.title}">
  [#if article.lead?has_content]<meta property="og:description" content="${article.lead}">[/#if]
  <meta property="og:url" content="${pageUrl}">
  <meta property="og:site_name" content="${i18n['news.site.name']}">
  <meta property="og:locale" content="${(lang == 'vi')?then('vi_VN', 'en_US')}">
  [#assign imageLink = (article.image?has_content)?then(damfn.getAssetLink(article.image, "lead")!"", "")]
  [#assign ogImage = (article.image?has_content)?then(damfn.getAssetLink(article.image, "og")!"", "")]
  [#assign ogImageUrl = ogImage?has_content?then(newsfn.absoluteUrl(ctx.request, ogImage), "")]
  [#if ogImageUrl?has_content]
  <meta property="og:image" content="${ogImageUrl}">
  [#assign ogSize = newsfn.imageSize(article.image, "og")!""]
  [#if ogSize?has_content]<meta property="og:image:width" content="${ogSize.width?c}"><meta property="og:image:height" content="${ogSize.height?c}">[/#if]
  [/#if]
  <meta property="article:published_time" content="${article.isoDate}">
  [#if article.category?has_content]<meta property="article:section" content="${newsfn.categoryName(article.category, state.locale)}">[/#if]
  <script type="application/ld+json">${newsfn.jsonLd(article, pageUrl, i18n['news.site.name'], ogImageUrl)?no_esc}</script>
  <script src="${ctx.contextPath}${newsfn.resource("js/views.js")}" defer></script>
  [#else]
  <title>${i18n['news.pages.article.notFound']} | ${i18n['news.site.name']}</title>
  <meta name="robots" content="noindex">
  [/#if]
</head>
<body class="news-page news-page--article">
  [#include "/news/templates/includes/header.ftl"]
  <div class="news-page__columns">
    <main class="news-page__main">
      [#if (state.previewMode)!false]<p class="news-article__preview" role="status">${i18n['news.site.preview.banner']}</p>[/#if]
      [#if article?has_content]
      [#if article.category?has_content]
      [#assign crumbNames = [i18n['news.site.home'], newsfn.categoryName(article.category, state.locale), article.title]]
      [#assign crumbPaths = [newsfn.localized("/", state.locale), newsfn.categoryLink(article.category, state.locale), newsfn.link(article, state.locale)]]
      [#else]
      [#assign crumbNames = [i18n['news.site.home'], i18n['news.site.news'], article.title]]
      [#assign crumbPaths = [newsfn.localized("/", state.locale), newsfn.localized("/news", state.locale), newsfn.link(article, state.locale)]]
      [/#if]
      [#include "/news/templates/includes/breadcrumbs.ftl"]
      <article class="news-article" data-news-article="${article.id}" data-news-beacon="${ctx.contextPath}/.news/views"[#if (state.previewMode)!false] data-news-preview[/#if]>
        [#if article.category?has_content]<p class="news-article__category"><a class="news-article__category-link" href="${ctx.contextPath}${newsfn.categoryLink(article.category, state.locale)}">${newsfn.categoryName(article.category, state.locale)}</a></p>[/#if]
        <h1 class="news-article__title">${article.title}</h1>
        <p class="news-article__meta">${i18n['news.article.posted']} <time class="news-article__date" datetime="${article.isoDate}">${article.date}</time> | <span class="news-article__time">${article.time}</span> | ${i18n['news.article.views']} <span class="news-article__views">${newsfn.views(article)}</span></p>
        [#if article.lead?has_content]<p class="news-article__lead">${article.lead}</p>[/#if]
        [#if imageLink?has_content]
        [#-- Above the fold: not lazy; its size is known so the page does not jump; phones take the card size. --]
        [#assign leadSize = newsfn.imageSize(article.image, "lead")!""]
        [#assign cardSize = newsfn.imageSize(article.image, "card")!""]
        <figure class="news-article__figure">
          <img class="news-article__image" src="${imageLink}" alt="${article.imageAlt!''}" fetchpriority="high"
               [#if leadSize?has_content && cardSize?has_content]srcset="${damfn.getAssetLink(article.image, "card")} ${cardSize.width?c}w, ${imageLink} ${leadSize.width?c}w" sizes="(max-width: 760px) 100vw, 720px"[/#if]
               [#if leadSize?has_content]width="${leadSize.width?c}" height="${leadSize.height?c}"[/#if]>
          [#if article.imageCaption?has_content || article.imageCredit?has_content]
          <figcaption class="news-article__caption">[#if article.imageCaption?has_content]${article.imageCaption}[/#if][#if article.imageCredit?has_content] <span class="news-article__credit">${i18n['news.article.credit']} ${article.imageCredit}</span>[/#if]</figcaption>
          [/#if]
        </figure>
        [/#if]
        [#-- The body was sanitised when saved; its stored content links are resolved by newsfn.body. --]
        <div class="news-article__body">${newsfn.body(article)?no_esc}</div>
        [#if article.author?has_content]<p class="news-article__author">${article.author}</p>[/#if]
        [#-- Plain share links, no third-party script. Zalo's address is the one Vietnamese sites use
             (sp.zalo.me/share?url=); check it against Zalo's documentation when it changes. --]
        <p class="news-share">
          <span class="news-share__label">${i18n['news.article.share']}</span>
          <a class="news-share__link news-share__link--facebook" href="https://www.facebook.com/sharer/sharer.php?u=${pageUrl?url('UTF-8')}" target="_blank" rel="noopener noreferrer" aria-label="${i18n['news.article.shareOn']?replace('{0}', 'Facebook')}">Facebook</a>
          <a class="news-share__link news-share__link--zalo" href="https://sp.zalo.me/share?url=${pageUrl?url('UTF-8')}" target="_blank" rel="noopener noreferrer" aria-label="${i18n['news.article.shareOn']?replace('{0}', 'Zalo')}">Zalo</a>
        </p>
      </article>
      [#assign related = newsfn.related(article, 4)]
      [#if related?has_content]
      <section class="news-related" aria-labelledby="news-related-heading">
        <h2 class="news-related__heading" id="news-related-heading">${i18n['news.pages.article.related']}</h2>
        <ul class="news-related__list">
          [#list related as other]
          <li class="news-related__item">
            <a class="news-related__title" href="${ctx.contextPath}${newsfn.link(other, state.locale)}">${other.title}</a>
            <time class="news-related__date" datetime="${other.isoDate}">${other.date}</time>
          </li>
          [/#list]
        </ul>
      </section>
      [/#if]
      [#else]
      <div class="news-article news-article--missing">
        <h1 class="news-article__title">${i18n['news.pages.article.notFound']}</h1>
        <p><a href="${ctx.contextPath}/news">${i18n['news.pages.article.backToNews']}</a></p>
      </div>
      [/#if]
    </main>
    <aside class="news-page__aside">
      [@cms.area name="related"/]
    </aside>
  </div>
  [#include "/news/templates/includes/footer.ftl"]
</body>
</html>
