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
    [#-- The lead item shows a large image (card, or lead on wide screens); the others a thumbnail. --]
    [#assign rendition = large?then("card", "thumbnail")]
    [#assign imageLink = ((block.showImage || large) && article.image?has_content)?then(damfn.getAssetLink(article.image, rendition)!"", "")]
    <li class="news-featured__item[#if large] news-featured__item--lead[/#if][#if imageLink?has_content && !large] news-featured__item--thumb[/#if]">
      [#if imageLink?has_content]
      [#assign size = newsfn.imageSize(article.image, rendition)!""]
      [#assign focus = newsfn.imageFocus(article.image)!""]
      <a class="news-featured__image-link" href="${ctx.contextPath}${newsfn.link(article, state.locale)}" tabindex="-1" aria-hidden="true">
        [#if large]
        [#assign wide = newsfn.imageSize(article.image, "lead")!""]
        <img class="news-featured__image[#if focus?has_content] ${focus}[/#if]" src="${imageLink}" alt="${article.imageAlt!''}"
             [#if wide?has_content && size?has_content]srcset="${imageLink} ${size.width?c}w, ${damfn.getAssetLink(article.image, "lead")} ${wide.width?c}w" sizes="(max-width: 760px) 100vw, 640px"[/#if]
             [#if size?has_content]width="${size.width?c}" height="${size.height?c}"[/#if]>
        [#else]
        <img class="news-featured__image[#if focus?has_content] ${focus}[/#if]" src="${imageLink}" alt="${article.imageAlt!''}" loading="lazy"
             [#if size?has_content]width="${size.width?c}" height="${size.height?c}"[/#if]>
        [/#if]
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
