[#ftl output_format="HTML"]
[#-- What every news page puts in its <head>: encoding, viewport, stylesheet, the site's icon (web resources by their
     fingerprinted address where the host has one, so they can be kept for a year), the feed in the page's
     language, the page in every language (hreflang, x-default: the default language), the site script
     and Magnolia's page hook. --]
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${ctx.contextPath}${newsfn.resource("css/news.css")}">
<link rel="icon" type="image/svg+xml" href="${ctx.contextPath}${newsfn.resource("img/favicon.svg")}">
<link rel="alternate" type="application/rss+xml" title="${i18n['news.site.feed']}" href="${ctx.contextPath}${newsfn.localized("/news/feed.xml", state.locale)}">
[#if pageVersions??]
[#-- A page whose versions differ by language (an article): only the languages it exists in, at their addresses. --]
[#if (pageVersions?size > 1)]
[#list pageVersions as version]
<link rel="alternate" hreflang="${version.tag}" href="${newsfn.absoluteUrl(ctx.request, ctx.contextPath + version.link)}">
[/#list]
[#list pageVersions as version]
[#if newsfn.isDefaultLanguage(version.code)]
<link rel="alternate" hreflang="x-default" href="${newsfn.absoluteUrl(ctx.request, ctx.contextPath + version.link)}">
[/#if]
[/#list]
[/#if]
[#else]
[#list newsfn.languages() as language]
<link rel="alternate" hreflang="${language.tag}" href="${newsfn.absoluteUrl(ctx.request, newsfn.switchLanguage(state.originalURI!"/", ctx.contextPath, language.code))}">
[/#list]
[#list newsfn.languages()[0..0] as language]
<link rel="alternate" hreflang="x-default" href="${newsfn.absoluteUrl(ctx.request, newsfn.switchLanguage(state.originalURI!"/", ctx.contextPath, language.code))}">
[/#list]
[/#if]
<script src="${ctx.contextPath}${newsfn.resource("js/site.js")}" defer></script>
[@cms.page /]
