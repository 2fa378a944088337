[#ftl output_format="HTML"]
[#-- news:components/featuredNews: the featured news block. Documented in featuredNews.md. --]
[#-- On the article page the block leaves out the article shown there (named by the URL). --]
[#assign exclude = ctx.getParameter("article")!""]
[#assign block = newsfn.featuredBlock(content, exclude)]
[#assign heading = block.heading!i18n['news.components.featuredNews.defaultHeading']]
<section class="news-featured news-featured--${block.layout}">
  <h2 class="news-featured__heading">${heading}</h2>
  [#if block.empty]
  <p class="news-featured__empty">${i18n['news.components.featuredNews.empty']}</p>
  [#else]
  <ul class="news-featured__list">
    [#list block.items as article]
    [#assign large = block.layout == "lead" && article?is_first]
    <li class="news-featured__item[#if large] news-featured__item--lead[/#if]">
      [#assign imageLink = ((block.showImage || large) && article.image?has_content)?then(damfn.getAssetLink(article.image)!"", "")]
      [#if imageLink?has_content]
      <a class="news-featured__image-link" href="${ctx.contextPath}${newsfn.link(article, state.locale)}" tabindex="-1">
        <img class="news-featured__image" src="${imageLink}" alt="${article.imageAlt!''}" loading="lazy">
      </a>
      [/#if]
      <a class="news-featured__title" href="${ctx.contextPath}${newsfn.link(article, state.locale)}">${article.title}</a>
      [#if block.showDate || block.showViews]
      <p class="news-featured__meta">
        [#if block.showDate]<time datetime="${article.isoDate}">${article.date}</time>[/#if]
        [#if block.showDate && block.showViews] | [/#if]
        [#if block.showViews]${i18n['news.article.views']} <span class="news-featured__views">${newsfn.views(article)}</span>[/#if]
      </p>
      [/#if]
      [#if (block.showLead || large) && article.lead?has_content]
      <p class="news-featured__lead">${article.lead}</p>
      [/#if]
    </li>
    [/#list]
  </ul>
  [/#if]
</section>
