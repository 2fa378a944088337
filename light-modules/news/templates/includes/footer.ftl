[#ftl output_format="HTML"]
[#-- The site footer shared by the news page templates; the feed link is the page language's feed. --]
<footer class="news-footer">
  <p class="news-footer__text">${i18n['news.site.footer']}</p>
  <a class="news-footer__feed" href="${ctx.contextPath}${newsfn.localized("/news/feed.xml", state.locale)}">${i18n['news.site.feed']}</a>
</footer>
