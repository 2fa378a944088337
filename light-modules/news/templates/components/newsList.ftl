[#ftl output_format="HTML"]
[#-- news:components/newsList: the archive, newest first, paged by ?page=N. Documented in newsList.md. --]
[#-- On a category page (/news/<category-slug>) a list without its own category shows that category. --]
[#assign listing = newsfn.newsList(content, ctx.getParameter("page")!"1", ctx.getParameter("category")!"")]
<section class="news-list">
  <h2 class="news-list__heading">${content.heading!i18n['news.components.newsList.defaultHeading']}</h2>
  [#if listing.empty]
  <p class="news-list__empty">${i18n['news.components.newsList.empty']}</p>
  [#else]
  <ul class="news-list__items">
    [#list listing.items as article]
    <li class="news-list__item">
      [#assign imageLink = (article.image?has_content)?then(damfn.getAssetLink(article.image, "thumbnail")!"", "")]
      [#if imageLink?has_content]
      [#assign size = newsfn.imageSize(article.image, "thumbnail")!""]
      <img class="news-list__image" src="${imageLink}" alt="${article.imageAlt!''}" loading="lazy"[#if size?has_content] width="${size.width?c}" height="${size.height?c}"[/#if]>
      [/#if]
      <a class="news-list__title" href="${ctx.contextPath}${newsfn.link(article, state.locale)}">${article.title}</a>
      <p class="news-list__meta"><time datetime="${article.isoDate}">${article.date} ${article.time}</time>[#if article.category?has_content] | <a class="news-list__category" href="${ctx.contextPath}${newsfn.categoryLink(article.category, state.locale)}">${newsfn.categoryName(article.category, state.locale)}</a>[/#if]</p>
      [#if article.lead?has_content]
      <p class="news-list__lead">${article.lead}</p>
      [/#if]
    </li>
    [/#list]
  </ul>
  [#if listing.pageCount > 1]
  <nav class="news-list__pager" aria-label="${i18n['news.components.newsList.pager']}">
    [#if listing.hasPrevious]<a class="news-list__previous" rel="prev" href="?page=${listing.previousPage?c}">${i18n['news.components.newsList.previous']}</a>[/#if]
    <span class="news-list__position">${i18n['news.components.newsList.page']} ${listing.page?c}/${listing.pageCount?c}</span>
    [#if listing.hasNext]<a class="news-list__next" rel="next" href="?page=${listing.nextPage?c}">${i18n['news.components.newsList.next']}</a>[/#if]
  </nav>
  [/#if]
  [/#if]
</section>
