[#ftl output_format="HTML"]
[#-- news:components/text: a heading and formatted text. Documented in text.md. --]
[#-- The text is cleaned again as it is printed (newsfn.richText): whatever reached the node, only the
     formatting the editor offers reaches the page, with its content links resolved. --]
<section class="news-text">
  [#if content.heading?has_content]<h2 class="news-text__heading">${content.heading}</h2>[/#if]
  <div class="news-text__body">${newsfn.richText(content.body!"")?no_esc}</div>
</section>
