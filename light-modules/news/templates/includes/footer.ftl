[#ftl output_format="HTML"]
[#-- The site footer shared by the news page templates. --]
<footer class="news-footer">
  <p class="news-footer__text">${i18n['news.site.footer']}</p>
  <a class="news-footer__feed" href="${ctx.contextPath}/news/feed.xml">${i18n['news.site.feed']}</a>
</footer>
