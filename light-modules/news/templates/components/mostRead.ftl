[#ftl output_format="HTML"]
[#-- news:components/mostRead: the articles read most in a period. Documented in mostRead.md. --]
[#assign block = newsfn.mostReadBlock(content)]
<section class="news-most-read news-most-read--${block.period}">
  <h2 class="news-most-read__heading">${block.heading!i18n['news.components.mostRead.defaultHeading']}</h2>
  [#if block.empty]
  <p class="news-most-read__empty">${i18n['news.components.mostRead.empty']}</p>
  [#else]
  <ol class="news-most-read__list">
    [#list block.items as entry]
    <li class="news-most-read__item">
      <a class="news-most-read__title" href="${ctx.contextPath}${newsfn.link(entry.article, state.locale)}">${entry.article.title}</a>
      <span class="news-most-read__views">${i18n['news.article.views']} ${entry.views}</span>
    </li>
    [/#list]
  </ol>
  [/#if]
</section>
